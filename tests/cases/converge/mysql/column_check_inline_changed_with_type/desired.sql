CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a bigint CHECK (a > 1), b int CHECK (b < 10));
