-- a materialized view's query
CREATE TABLE t (id int); CREATE MATERIALIZED VIEW mv AS SELECT id FROM t WHERE id > 0;
