-- after migra tests/FIXTURES/constraints (a.sql -> b.sql)
CREATE TABLE batches (bb int PRIMARY KEY);
CREATE TABLE jobs (a int, bb int REFERENCES batches (bb) DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE queue (a int PRIMARY KEY, price numeric, CONSTRAINT x CHECK (price > 0));
CREATE UNIQUE INDEX ON jobs (a);
