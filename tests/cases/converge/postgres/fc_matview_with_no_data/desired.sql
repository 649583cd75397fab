-- a materialized view WITH NO DATA vs populated
CREATE TABLE t (id int); CREATE MATERIALIZED VIEW mv AS SELECT id FROM t WITH NO DATA;
