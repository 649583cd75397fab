-- a latin1 table whose column says utf8mb4, and the other way round
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(20), b varchar(20) CHARACTER SET utf8mb4) DEFAULT CHARSET=latin1;
INSERT INTO t1 VALUES (1, 'x', 'y');
