-- CREATE STATISTICS on two columns
CREATE TABLE t (a int, b int);
