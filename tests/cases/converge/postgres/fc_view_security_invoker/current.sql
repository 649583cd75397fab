-- a view's security_invoker option
CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t;
