-- a DEFAULT (uuid()) expression and other function defaults added
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, u char(36), v varchar(40), n int);
INSERT INTO t1 VALUES (1, 'x', 'y', 2);
