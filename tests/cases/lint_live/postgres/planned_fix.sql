-- The fix jobschema writes: legacy values first, then NOT VALID and VALIDATE. Only 'archived' has no mapping,
-- and the VALIDATE is where the migration would stop.
SET lock_timeout = '5s'; SET statement_timeout = '30s';
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check  -- ok: JS220
  CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled')) NOT VALID;
ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check;  -- expect: JS220
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_total_nonneg CHECK (total_items >= 0) NOT VALID;  -- ok: JS220
ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_total_nonneg;  -- expect: JS220
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_name_len CHECK (length(name) < 10) NOT VALID;
ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_name_len;  -- ok: JS220
