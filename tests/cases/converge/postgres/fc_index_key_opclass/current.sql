-- the operator class of an index key
CREATE TABLE t (name text); CREATE INDEX t_name ON t (name);
