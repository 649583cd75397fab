-- after migra tests/FIXTURES/collations
CREATE TABLE t (a text, b text);
INSERT INTO t VALUES ('x', 'y');
