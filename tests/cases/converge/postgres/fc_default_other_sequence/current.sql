-- a default reading another sequence by name
CREATE SEQUENCE s_a; CREATE SEQUENCE s_b; CREATE TABLE t (id bigint DEFAULT nextval('s_a'));
