-- after atlas internal/integration/testdata/postgres/index-partial.txt
CREATE TABLE jobs (id int PRIMARY KEY, status text NOT NULL, run_at timestamptz);
CREATE INDEX jobs_run_at_idx ON jobs (run_at) WHERE status = 'queued' AND run_at IS NOT NULL;
