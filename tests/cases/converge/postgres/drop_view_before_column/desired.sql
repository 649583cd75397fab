CREATE TABLE jobs (id bigint PRIMARY KEY, name text);
CREATE VIEW job_names AS SELECT id, name FROM jobs;
