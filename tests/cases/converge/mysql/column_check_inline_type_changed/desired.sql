CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a bigint CHECK (a > 0));
