CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(100), b text, UNIQUE KEY ua (a(10)), UNIQUE KEY ub (b(30)));
