-- a new table whose primary key is on a prefix, another DESC with USING BTREE
CREATE TABLE t0 (id int NOT NULL PRIMARY KEY);
