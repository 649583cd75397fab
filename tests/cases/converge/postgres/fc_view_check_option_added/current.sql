-- a view's check option added
CREATE TABLE t (id int); CREATE VIEW v AS SELECT id FROM t WHERE id > 0;
