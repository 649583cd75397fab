-- the sequence name of an identity column
CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME t_ids));
