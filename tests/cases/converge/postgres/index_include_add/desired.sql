CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL, name text);
CREATE INDEX jobs_status_idx ON jobs (status) INCLUDE (name);
