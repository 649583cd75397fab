-- a composite type no column uses: one attribute widened, one dropped, one added (quoted, mixed case)
CREATE TYPE "Money Pair" AS (amount numeric(12,2), currency char(3), "Rate" double precision);
CREATE TABLE t (id int);
