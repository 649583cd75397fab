-- after migra tests/FIXTURES/constraints (c_pkey ... USING INDEX DEFERRABLE)
CREATE TABLE workers (worker_id int UNIQUE);
INSERT INTO workers VALUES (1), (2);
