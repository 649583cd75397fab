-- a CHECK written on its column becomes a table constraint of the same name (MariaDB LEVEL Column → Table)
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int CHECK (a > 0));
INSERT INTO t1 VALUES (1, 5);
