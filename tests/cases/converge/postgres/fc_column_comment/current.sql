-- a column comment
CREATE TABLE t (id int);
