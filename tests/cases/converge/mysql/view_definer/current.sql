-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (view_definer): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY); CREATE VIEW v1 AS SELECT id FROM t1;
