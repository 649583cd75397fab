CREATE TABLE jobs (id bigint PRIMARY KEY, total bigint NOT NULL);
CREATE VIEW job_totals AS SELECT id, total FROM jobs;
