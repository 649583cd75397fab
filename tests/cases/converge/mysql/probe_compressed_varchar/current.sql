-- COMPRESSED on a VARCHAR and a BLOB column, and removed from a TEXT one
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a varchar(200), b blob, c text COMPRESSED);
INSERT INTO t1 VALUES (1, 'x', 'y', 'z');
