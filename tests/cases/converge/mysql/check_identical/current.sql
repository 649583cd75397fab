CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20), priority int, started_at datetime, finished_at datetime,
  CONSTRAINT jobs_priority_range CHECK (priority BETWEEN 1 AND 10),
  CONSTRAINT jobs_times CHECK (finished_at IS NULL OR finished_at >= started_at),
  CONSTRAINT jobs_status_known CHECK (status IN ('queued', 'running', 'done')));
