-- The fix migration shape jobschema writes: the lock timeout comes first, so JS207 stays quiet.
SET lock_timeout = '5s';  -- ok: JS207
ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check;  -- ok: JS207  -- expect: JS208
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued')) NOT VALID;
ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check;
TRUNCATE job_events;  -- ok: JS207, JS214
