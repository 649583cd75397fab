CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL);
CREATE MATERIALIZED VIEW job_counts AS SELECT status, count(*) AS n FROM jobs GROUP BY status;
CREATE UNIQUE INDEX job_counts_status_key ON job_counts (status);
