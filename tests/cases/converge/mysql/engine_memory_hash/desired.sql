-- a property SHOW CREATE TABLE prints on MariaDB 10.11 (engine_memory_hash): it must be compared, recorded or reported
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, KEY ka (a) USING BTREE) ENGINE=MEMORY;
