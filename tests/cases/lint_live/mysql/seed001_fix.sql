SET SESSION lock_wait_timeout = 5; SET max_statement_time = 30;
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check  -- expect: JS220
  CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled'));
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';  -- expect: JS206
