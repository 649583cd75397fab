CREATE TABLE batch_jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'queued', CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing', 'completed')));
