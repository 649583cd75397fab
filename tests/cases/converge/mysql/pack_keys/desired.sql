-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (pack_keys): it must be compared, recorded or reported
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int) PACK_KEYS=1 CHECKSUM=1 MAX_ROWS=100 AVG_ROW_LENGTH=10;
