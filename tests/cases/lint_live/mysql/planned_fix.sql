SET SESSION lock_wait_timeout = 5; SET max_statement_time = 30;
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';
UPDATE batch_jobs SET status = 'failed' WHERE status = 'archived';
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check  -- ok: JS220
  CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled'));
ALTER TABLE job_events MODIFY COLUMN note VARCHAR(20) NOT NULL;  -- expect: JS205, JS220
ALTER TABLE job_events ADD PRIMARY KEY (id);  -- expect: JS220
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_name_key UNIQUE (name);  -- expect: JS220
