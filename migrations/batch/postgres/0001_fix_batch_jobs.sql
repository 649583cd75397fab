-- jobschema fix migration for module batch (postgres)
-- written: 2026-12-02T16:41:44Z
-- findings fixed:
--   batch.batch_jobs.batch_jobs_status_check: check allows other values: missing processing, queued; extra pending, running
--   batch.batch_jobs.status: column differs: default 'pending'::text → 'queued'

-- fail instead of queueing behind the application's locks
SET lock_timeout = '5s';

-- batch.batch_jobs.batch_jobs_status_check: check allows other values: missing processing, queued; extra pending, running
-- the live constraint is named batch_jobs_status_check
ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check;

-- legacy value 'pending' → 'queued' (legacy_values in the schema)
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';

-- legacy value 'running' → 'processing' (legacy_values in the schema)
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';

-- batch.batch_jobs.status: column differs: default 'pending'::text → 'queued'
ALTER TABLE batch_jobs ALTER COLUMN status SET DEFAULT 'queued';

-- batch.batch_jobs.batch_jobs_status_check: check allows other values: missing processing, queued; extra pending, running
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled')) NOT VALID;

ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check;
