-- a foreign key with ON DELETE CASCADE is added on a column without an index
CREATE TABLE folders (id int PRIMARY KEY);
CREATE TABLE files (id int PRIMARY KEY, folder_id int NOT NULL, CONSTRAINT files_folder_fk FOREIGN KEY (folder_id) REFERENCES folders (id) ON DELETE CASCADE ON UPDATE CASCADE);
