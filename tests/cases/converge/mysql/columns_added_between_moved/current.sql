-- columns added between columns that also move: each lands after its schema predecessor
CREATE TABLE t1 (id int PRIMARY KEY, c int, b int, a int);
INSERT INTO t1 VALUES (1, 3, 2, 1);
