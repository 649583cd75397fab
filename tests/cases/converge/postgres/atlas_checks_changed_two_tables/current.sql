-- after atlas internal/integration/testdata/postgres/table-checks.txt (schema.v2)
CREATE TABLE t1 (a int CONSTRAINT c1 CHECK (a > 0), b int CONSTRAINT c2 CHECK (b > 0), CONSTRAINT c3 CHECK (a < b));
CREATE TABLE t2 (a int CONSTRAINT c1 CHECK (a > 0), c int CONSTRAINT c4 CHECK (c > 0), CONSTRAINT c5 CHECK (a < c));
INSERT INTO t1 VALUES (2, 3);
INSERT INTO t2 VALUES (2, 5);
