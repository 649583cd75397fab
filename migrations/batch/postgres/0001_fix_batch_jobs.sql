-- jobschema fix migration for module batch (postgres)
-- written: 2026-12-02T20:19:36Z
-- `jobschema migrate` runs it step by step: each `-- jobschema:step` line gives the step's transaction, the strongest lock it takes and whether it scans or rewrites the table
-- findings fixed:
--   batch.batch_jobs.batch_jobs_status_check: check allows other values: missing processing, queued; extra pending, running
--   batch.batch_jobs.status: column differs: default 'pending'::text → 'queued'

-- jobschema:step 1 tx=session lock=none scans=no rewrites=no
-- fail instead of queueing behind the application's locks
SET lock_timeout = '5s';

-- jobschema:step 2 tx=own lock=ACCESS EXCLUSIVE scans=no rewrites=no table=public.batch_jobs
-- batch.batch_jobs.batch_jobs_status_check: check allows other values: missing processing, queued; extra pending, running
-- the live constraint is named batch_jobs_status_check
-- jobschema:ignore JS208 jobschema's fixes bound how long a statement waits for its lock (the lock timeout set first), not how long it runs: a statement timeout would stop the long steps (batched rewrites, constraint validation) halfway on a large table
ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check;
-- batch.batch_jobs.status: column differs: default 'pending'::text → 'queued'
ALTER TABLE batch_jobs ALTER COLUMN status SET DEFAULT 'queued';
-- batch.batch_jobs.batch_jobs_status_check: check allows other values: missing processing, queued; extra pending, running
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing', 'paused', 'completed', 'failed', 'cancelled')) NOT VALID;

-- jobschema:step 3 tx=batches lock=ROW EXCLUSIVE scans=no rewrites=no key=id table=public.batch_jobs
-- legacy value 'pending' → 'queued' (legacy_values in the schema)
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';

-- jobschema:step 4 tx=batches lock=ROW EXCLUSIVE scans=no rewrites=no key=id table=public.batch_jobs
-- legacy value 'running' → 'processing' (legacy_values in the schema)
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';

-- jobschema:step 5 tx=own lock=SHARE UPDATE EXCLUSIVE scans=yes rewrites=no table=public.batch_jobs
ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_status_check;
