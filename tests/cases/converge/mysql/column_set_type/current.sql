-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (set_type): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY, s set('a','b'));
