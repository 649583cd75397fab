-- system versioning added, one column left out of it
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int NOT NULL DEFAULT 3);
INSERT INTO t1 VALUES (1, 1);
