-- after atlas internal/integration/testdata/postgres/foreign-key.txtar (two foreign keys over the same columns, differing only by name)
CREATE TABLE parents (id int PRIMARY KEY, a int, b int);
CREATE UNIQUE INDEX parents_a_b ON parents (a, b);
CREATE TABLE children (id int PRIMARY KEY, a int, b int,
    CONSTRAINT children_ab_first FOREIGN KEY (a, b) REFERENCES parents (a, b),
    CONSTRAINT children_ab_second FOREIGN KEY (a, b) REFERENCES parents (a, b));
