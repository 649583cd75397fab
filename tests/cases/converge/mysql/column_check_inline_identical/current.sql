-- an inline CHECK, a JSON column's automatic one, and a table CHECK named after a column: nothing differs
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int CHECK (a > 0), b int, j json, CONSTRAINT b CHECK (b > a));
