-- an UNLOGGED table becomes logged
CREATE UNLOGGED TABLE t (id int PRIMARY KEY);
INSERT INTO t VALUES (1);
