CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, u char(36) DEFAULT (uuid()), v varchar(40) DEFAULT (concat('a', 'b')), n int DEFAULT (1 + 1));
