-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (MIN_ROWS, COMMENT): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY) COMMENT='x' MIN_ROWS=5;
