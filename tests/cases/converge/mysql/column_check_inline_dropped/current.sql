-- an inline CHECK the schema drops, on a column that stays: MariaDB drops it only by MODIFY COLUMN
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int CHECK (a > 0), b int CHECK (b > 0));
INSERT INTO t1 VALUES (1, 5, 6);
