-- a view's security_barrier option
CREATE TABLE t (id int);
CREATE VIEW v WITH (security_barrier=true) AS SELECT id FROM t;
