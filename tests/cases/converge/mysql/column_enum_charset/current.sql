-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (enum_charset): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY, s enum('a','b'));
