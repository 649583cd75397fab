-- a UNIQUE key on a prefix (and one DESC) becomes a plain UNIQUE key of the same name
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(100), b int, UNIQUE KEY ua (a(10)), UNIQUE KEY ub (b DESC));
INSERT INTO t1 VALUES (1, 'abc', 2);
