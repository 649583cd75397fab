CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int CHECK (a > 0), b varchar(10) CHECK (b <> ''));
