-- a unique constraint made DEFERRABLE
CREATE TABLE t (id int CONSTRAINT t_id_key UNIQUE DEFERRABLE);
