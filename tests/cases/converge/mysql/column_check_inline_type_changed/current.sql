-- a column with an inline CHECK changes type: MODIFY COLUMN drops an inline CHECK on MariaDB
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int CHECK (a > 0));
INSERT INTO t1 VALUES (1, 5);
