-- a MEMORY table's key written USING HASH (its default) where the schema writes none
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, KEY ka (a) USING HASH) ENGINE=MEMORY;
INSERT INTO t1 VALUES (1, 1);
