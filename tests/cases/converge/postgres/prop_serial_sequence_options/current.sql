-- the options of a serial column's own sequence
CREATE TABLE t (id serial);
INSERT INTO t DEFAULT VALUES;
