-- a foreign key spelled ON UPDATE NO ACTION against one that leaves the rule out (MariaDB prints them apart)
CREATE TABLE owners (id int PRIMARY KEY);
CREATE TABLE pets (id int PRIMARY KEY, owner_id int, CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id) ON UPDATE NO ACTION);
