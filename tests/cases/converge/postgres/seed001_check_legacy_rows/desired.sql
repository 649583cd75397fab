CREATE TABLE batch_jobs (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'queued', CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing', 'completed', 'failed')));
