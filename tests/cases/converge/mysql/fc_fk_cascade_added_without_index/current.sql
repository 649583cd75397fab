-- a foreign key with ON DELETE CASCADE is added on a column without an index
CREATE TABLE folders (id int PRIMARY KEY);
CREATE TABLE files (id int PRIMARY KEY, folder_id int NOT NULL);
INSERT INTO folders VALUES (1);
INSERT INTO files VALUES (1, 1);
