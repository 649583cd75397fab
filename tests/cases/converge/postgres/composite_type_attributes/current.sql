-- a composite type no column uses: one attribute widened, one dropped, one added (quoted, mixed case)
CREATE TYPE "Money Pair" AS (amount integer, note text, currency char(3));
CREATE TABLE t (id int);
