-- after Vitess schemadiff "reorder column, first": the key column moves to the front
CREATE TABLE t1 (a int, b int, id int NOT NULL PRIMARY KEY);
INSERT INTO t1 VALUES (1, 2, 3);
