-- a logged table becomes UNLOGGED
CREATE UNLOGGED TABLE t (id int PRIMARY KEY);
