CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX jobs_status_created_idx ON jobs (status, created_at);
