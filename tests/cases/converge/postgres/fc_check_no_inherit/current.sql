-- a CHECK made NO INHERIT
CREATE TABLE t (id int CONSTRAINT t_id_check CHECK (id > 0));
