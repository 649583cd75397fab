CREATE TYPE batch_job_status AS ENUM ('queued', 'processing', 'completed', 'failed', 'cancelled');
CREATE TABLE batch_jobs (id bigint PRIMARY KEY, status batch_job_status NOT NULL DEFAULT 'queued');
