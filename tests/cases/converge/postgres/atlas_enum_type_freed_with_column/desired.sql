-- after atlas internal/integration/testdata/postgres/column-enum.txt (the only column of an enum type goes,
-- and another takes its place: the type goes with it)
CREATE TABLE runs (id int PRIMARY KEY, attempts integer NOT NULL DEFAULT 1);
