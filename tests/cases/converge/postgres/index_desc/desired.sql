CREATE TABLE jobs (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
CREATE INDEX jobs_created_idx ON jobs (created_at DESC);
