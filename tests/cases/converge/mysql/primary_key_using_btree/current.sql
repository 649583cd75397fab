-- USING BTREE written on the primary key
CREATE TABLE t1 (id int NOT NULL, a int, PRIMARY KEY (id));
INSERT INTO t1 VALUES (1, 1), (2, NULL);
