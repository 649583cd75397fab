-- after atlas internal/integration/testdata/postgres/foreign-key.txtar (two foreign keys over the same columns, differing only by name)
CREATE TABLE parents (id int PRIMARY KEY, a int, b int);
CREATE UNIQUE INDEX parents_a_b ON parents (a, b);
CREATE TABLE children (id int PRIMARY KEY, a int, b int);
INSERT INTO parents VALUES (1, 1, 1);
INSERT INTO children VALUES (1, 1, 1), (2, NULL, NULL);
