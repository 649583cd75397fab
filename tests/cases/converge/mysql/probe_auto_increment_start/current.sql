-- a new table created with AUTO_INCREMENT=1000
CREATE TABLE t0 (id int NOT NULL PRIMARY KEY);
