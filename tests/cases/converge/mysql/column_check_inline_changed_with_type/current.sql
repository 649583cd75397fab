-- an inline CHECK says something else while its column changes type: one MODIFY COLUMN writes both
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int CHECK (a > 0), b int CHECK (b < 10));
INSERT INTO t1 VALUES (1, 5, 3);
