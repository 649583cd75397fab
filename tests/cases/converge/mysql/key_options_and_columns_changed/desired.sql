CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, b int, KEY kab (a, b) USING HASH);
