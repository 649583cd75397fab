-- the options of a serial column's own sequence
CREATE TABLE t (id serial);
ALTER SEQUENCE t_id_seq START WITH 100 INCREMENT BY 2;
