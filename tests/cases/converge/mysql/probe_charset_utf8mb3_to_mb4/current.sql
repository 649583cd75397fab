-- a utf8mb3 table and column become utf8mb4
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(20) CHARACTER SET utf8mb3, b text) DEFAULT CHARSET=utf8mb3;
INSERT INTO t1 VALUES (1, 'x', 'y');
