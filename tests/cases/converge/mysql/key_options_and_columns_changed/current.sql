-- a key whose columns and options both change: one rebuild
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, b int, KEY kab (a));
INSERT INTO t1 VALUES (1, 1, 1);
