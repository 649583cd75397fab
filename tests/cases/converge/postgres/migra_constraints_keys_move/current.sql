-- after migra tests/FIXTURES/constraints (a.sql -> b.sql)
CREATE TABLE batches (bb int PRIMARY KEY);
CREATE TABLE jobs (a int PRIMARY KEY, bb int REFERENCES batches (bb), price numeric, CONSTRAINT x CHECK (price > 0));
CREATE TABLE queue (a int);
CREATE UNIQUE INDEX ON queue (a);
INSERT INTO batches VALUES (1);
INSERT INTO jobs VALUES (1, 1, 2.5);
INSERT INTO queue VALUES (7);
