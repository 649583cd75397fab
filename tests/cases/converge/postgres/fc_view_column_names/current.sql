-- a view's column names
CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t;
