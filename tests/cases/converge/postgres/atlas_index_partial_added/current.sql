-- after atlas internal/integration/testdata/postgres/index-partial.txt
CREATE TABLE jobs (id int PRIMARY KEY, status text NOT NULL, run_at timestamptz);
CREATE INDEX jobs_run_at_idx ON jobs (run_at);
INSERT INTO jobs VALUES (1, 'queued', now());
