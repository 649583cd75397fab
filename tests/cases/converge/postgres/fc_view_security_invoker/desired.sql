-- a view's security_invoker option
CREATE TABLE t (id int); CREATE VIEW v WITH (security_invoker = true) AS SELECT id FROM t;
