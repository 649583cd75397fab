-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (timestamp_precision): it must be compared, recorded or reported
CREATE TABLE t1 (id int PRIMARY KEY, ts timestamp(3) NULL);
