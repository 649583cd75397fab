-- utf8 and utf8mb3 name one character set: the same table written both ways is not drift
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(20) CHARACTER SET utf8, b text CHARACTER SET utf8mb3 COLLATE utf8mb3_bin) DEFAULT CHARSET=utf8;
