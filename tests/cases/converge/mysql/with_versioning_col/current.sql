-- a column back under system versioning
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int WITHOUT SYSTEM VERSIONING, b int) WITH SYSTEM VERSIONING;
INSERT INTO t1 VALUES (1, 1, 1);
