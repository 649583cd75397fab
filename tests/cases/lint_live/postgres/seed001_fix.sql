-- Seed 001's hand-written fix, against a database holding pending, running and archived rows.
ALTER TABLE batch_jobs  -- expect: JS201, JS207, JS208, JS220
ADD CONSTRAINT batch_jobs_status_check
CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled'));
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';  -- expect: JS206
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';  -- expect: JS206
