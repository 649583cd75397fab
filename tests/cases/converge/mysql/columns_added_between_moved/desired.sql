-- columns added between columns that also move: each lands after its schema predecessor
CREATE TABLE t1 (id int PRIMARY KEY, a int, x int, b int, y int, c int, z int);
