CREATE TABLE jobs (id bigint PRIMARY KEY);
CREATE TABLE old_runs (id bigint PRIMARY KEY, job_id bigint);
CREATE VIEW old_run_counts AS SELECT job_id, count(*) AS n FROM old_runs GROUP BY job_id;
INSERT INTO jobs VALUES (1);
