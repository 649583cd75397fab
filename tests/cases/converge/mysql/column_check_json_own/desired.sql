CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, j json CHECK (json_length(j) > 0));
