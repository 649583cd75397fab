-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (column_check_level): it must be compared, recorded or reported
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int CHECK (a > 0));
