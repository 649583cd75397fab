-- a view's column names
CREATE TABLE t (id int); CREATE VIEW v (ident) AS SELECT id FROM t;
