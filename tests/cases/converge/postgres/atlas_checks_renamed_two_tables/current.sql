-- after atlas internal/integration/testdata/postgres/table-checks.txt (schema.v3)
CREATE TABLE t1 (a int CONSTRAINT c1 CHECK (a > 1), b int CONSTRAINT c2 CHECK (b > 1), CONSTRAINT c3 CHECK (a < b));
CREATE TABLE t2 (a int CONSTRAINT c1 CHECK (a > 1), c int CONSTRAINT c4 CHECK (c > 1), CONSTRAINT c5 CHECK (a < c));
