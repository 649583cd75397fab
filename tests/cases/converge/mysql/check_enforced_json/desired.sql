-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (check_enforced_json): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY, j json);
