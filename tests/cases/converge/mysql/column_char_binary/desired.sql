-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (char_binary): it must be compared, recorded or reported
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(10) binary);
