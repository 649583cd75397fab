-- after sqldef/sqldef testdata (index changes on a queue table)
CREATE TABLE que_jobs (priority smallint NOT NULL DEFAULT 100, run_at timestamptz NOT NULL DEFAULT now(), job_id bigserial PRIMARY KEY, queue text NOT NULL DEFAULT '', error_count integer NOT NULL DEFAULT 0, finished_at timestamptz);
CREATE INDEX que_poll_idx ON que_jobs (queue, priority, run_at, job_id) WHERE finished_at IS NULL;
CREATE INDEX que_jobs_errors_idx ON que_jobs (error_count DESC NULLS LAST) WHERE error_count > 0;
