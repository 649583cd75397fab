CREATE TABLE jobs (id bigint PRIMARY KEY, status text, priority integer, started_at timestamptz, finished_at timestamptz,
  CONSTRAINT jobs_priority_range CHECK (priority BETWEEN 1 AND 10),
  CONSTRAINT jobs_times CHECK (finished_at IS NULL OR finished_at >= started_at),
  CONSTRAINT jobs_status_known CHECK (coalesce(status, 'queued') IN ('queued', 'running', 'done')),
  CONSTRAINT jobs_status_len CHECK (length(status::varchar) < 20));
