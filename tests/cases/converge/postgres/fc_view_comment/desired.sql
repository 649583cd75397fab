-- a view comment
CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t; COMMENT ON VIEW v IS 'v';
