CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL);
CREATE INDEX jobs_status_idx ON jobs (status);
