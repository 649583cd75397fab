-- a column, two unnamed CHECKs and two indexes added to a table with a foreign key (sqldef
-- AddColumnCheckAndIndex, in other words)
CREATE TABLE publishers (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL);
CREATE TABLE titles (id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL,
  publisher_id bigint unsigned NOT NULL, cost decimal(8, 2) NOT NULL, FOREIGN KEY (publisher_id) REFERENCES publishers (id));
INSERT INTO publishers (name) VALUES ('north press');
INSERT INTO titles (name, publisher_id, cost) VALUES ('maps', 1, 12.50);
