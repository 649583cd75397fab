-- a generated column's expression
CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED);
