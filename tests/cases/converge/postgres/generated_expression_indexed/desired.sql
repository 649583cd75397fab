-- a generated column whose expression changes, with a CHECK and an index on it and rows to recompute
CREATE TABLE t (id int PRIMARY KEY, a int, b int GENERATED ALWAYS AS (a * 3) STORED CONSTRAINT t_b_nonneg CHECK (b >= 0));
CREATE INDEX t_b ON t (b) INCLUDE (a);
