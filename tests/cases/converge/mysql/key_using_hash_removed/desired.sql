CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, KEY ka (a));
