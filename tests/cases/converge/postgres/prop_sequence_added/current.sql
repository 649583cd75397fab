-- a standalone sequence with options
CREATE TABLE t (id int);
