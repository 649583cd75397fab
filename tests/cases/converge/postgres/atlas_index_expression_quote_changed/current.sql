-- after atlas internal/integration/testdata/postgres/index-expr.txtar (an expression index's expression changes, with a doubled quote)
CREATE TABLE people (given varchar(128) NOT NULL, family varchar(128) NOT NULL);
CREATE INDEX people_full ON people ((given || ' ' || family));
INSERT INTO people VALUES ('Ada', 'L');
