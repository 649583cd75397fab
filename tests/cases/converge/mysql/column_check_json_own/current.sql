-- a JSON column whose own inline CHECK takes the place of MariaDB's json_valid()
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, j json);
INSERT INTO t1 VALUES (1, '[1]');
