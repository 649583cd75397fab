-- a standalone sequence owned by a column
CREATE TABLE t (id bigint); CREATE SEQUENCE s OWNED BY t.id;
