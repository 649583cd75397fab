CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL);
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW open_jobs AS SELECT id, status FROM jobs WHERE status <> 'done';
CREATE VIEW open_job_count AS SELECT count(*) AS n FROM open_jobs;
