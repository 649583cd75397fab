-- a column comment
CREATE TABLE t (id int); COMMENT ON COLUMN t.id IS 'the id';
