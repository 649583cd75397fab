-- after atlas internal/integration/testdata/postgres/column-enum.txt (the only column of an enum type goes,
-- and another takes its place: the type goes with it)
CREATE TYPE run_state AS ENUM ('waiting', 'running');
CREATE TABLE runs (id int PRIMARY KEY, state run_state NOT NULL DEFAULT 'waiting');
INSERT INTO runs VALUES (1, 'running'), (2, 'waiting');
