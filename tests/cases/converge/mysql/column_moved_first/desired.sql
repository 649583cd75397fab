-- after Vitess schemadiff "reorder column, first": the key column moves to the front
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int, b int);
