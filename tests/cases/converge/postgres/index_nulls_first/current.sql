CREATE TABLE jobs (id bigint PRIMARY KEY, priority integer);
CREATE INDEX jobs_priority_idx ON jobs (priority);
