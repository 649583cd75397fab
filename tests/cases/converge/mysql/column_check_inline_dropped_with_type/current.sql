-- an inline CHECK the schema drops, on a column that changes type: MODIFY COLUMN already dropped it
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int CHECK (a > 0));
INSERT INTO t1 VALUES (1, 5);
