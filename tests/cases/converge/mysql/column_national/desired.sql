-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (national): it must be compared, recorded or reported
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a national varchar(10));
