-- an unsigned display width other than the server's default
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int(10) unsigned, b smallint(3));
INSERT INTO t1 VALUES (1, 1, 1);
