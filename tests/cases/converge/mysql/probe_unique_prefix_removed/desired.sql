CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(100), b int, UNIQUE KEY ua (a), UNIQUE KEY ub (b));
