-- a UNIQUE key on column prefixes added, and one whose prefix changes
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(100), b text, UNIQUE KEY ub (b(20)));
INSERT INTO t1 VALUES (1, 'abc', 'def');
