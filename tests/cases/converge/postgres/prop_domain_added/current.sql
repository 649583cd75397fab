-- a domain the current database lacks
CREATE TABLE t (id int);
