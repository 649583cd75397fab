CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, b int CHECK (b > 1));
