-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (without_versioning_col): it must be compared, recorded or reported
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int) WITH SYSTEM VERSIONING;
