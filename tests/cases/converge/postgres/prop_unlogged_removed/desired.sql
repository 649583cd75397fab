-- an UNLOGGED table becomes logged
CREATE TABLE t (id int PRIMARY KEY);
