-- DESC key parts: added to a unique key, a composite index turned, the primary key descending
CREATE TABLE t1 (id int NOT NULL, a int, b int, PRIMARY KEY (id), UNIQUE KEY u (a), KEY k (a, b));
INSERT INTO t1 VALUES (1, 2, 3);
