CREATE TABLE batch_jobs (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'pending', CONSTRAINT batch_jobs_status_check CHECK (status IN ('pending', 'running', 'completed', 'queued')));
