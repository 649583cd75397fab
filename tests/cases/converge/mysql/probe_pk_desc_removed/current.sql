-- a primary key with a DESC part and one on a prefix become plain
CREATE TABLE t1 (id int NOT NULL, a int, PRIMARY KEY (id DESC, a));
CREATE TABLE t2 (code varchar(50) NOT NULL, PRIMARY KEY (code(10)));
INSERT INTO t1 VALUES (1, 2); INSERT INTO t2 VALUES ('abc');
