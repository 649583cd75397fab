-- after migra tests/FIXTURES/seq
CREATE TABLE test (id integer NOT NULL);
INSERT INTO test VALUES (1), (2);
