-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (key_block_size): it must be compared, recorded or reported
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, KEY ka (a) KEY_BLOCK_SIZE=8);
