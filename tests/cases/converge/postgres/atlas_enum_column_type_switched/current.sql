-- after atlas internal/integration/testdata/postgres/column-enum.txt
CREATE TYPE state AS ENUM ('on', 'off');
CREATE TYPE job_state AS ENUM ('on', 'off', 'paused');
CREATE TABLE jobs (id int PRIMARY KEY, state state NOT NULL DEFAULT 'on');
INSERT INTO jobs VALUES (1, 'off');
