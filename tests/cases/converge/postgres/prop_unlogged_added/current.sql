-- a logged table becomes UNLOGGED
CREATE TABLE t (id int PRIMARY KEY);
INSERT INTO t VALUES (1);
