CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL);
CREATE INDEX jobs_open_idx ON jobs (id) WHERE status = 'queued';
