-- a BRIN index's pages_per_range
CREATE TABLE t (at date); CREATE INDEX t_at ON t USING brin (at) WITH (pages_per_range = 16);
