-- after atlas internal/integration/testdata/postgres/column-enum.txt
CREATE TYPE job_state AS ENUM ('on', 'off', 'paused');
CREATE TABLE jobs (id int PRIMARY KEY, state job_state NOT NULL DEFAULT 'on');
