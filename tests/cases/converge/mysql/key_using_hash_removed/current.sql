-- a key written USING HASH where the schema has none: the fix rebuilds it without
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, KEY ka (a) USING HASH);
INSERT INTO t1 VALUES (1, 1), (2, NULL);
