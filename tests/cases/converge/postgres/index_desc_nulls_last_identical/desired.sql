CREATE TABLE jobs (id bigint PRIMARY KEY, priority integer, created_at timestamptz);
CREATE INDEX jobs_queue_idx ON jobs (priority DESC NULLS LAST, created_at);
