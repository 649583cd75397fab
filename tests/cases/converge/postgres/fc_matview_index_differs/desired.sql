-- an index of a materialized view on another column
CREATE TABLE t (id int, n int); CREATE MATERIALIZED VIEW mv AS SELECT id, n FROM t; CREATE INDEX mv_i ON mv (n);
