-- a new column with its inline CHECK, and an inline CHECK added on a kept column
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int);
INSERT INTO t1 VALUES (1, 5);
