-- jobschema fix migration for module batch (mysql)
-- written: 2026-12-02T20:19:42Z
-- `jobschema migrate` runs it step by step: each `-- jobschema:step` line gives the step's transaction, the strongest lock it takes and whether it scans or rewrites the table
-- findings fixed:
--   batch.batch_jobs.status: enum values differ: missing queued, processing; extra pending, running

-- jobschema:step 1 tx=session lock=none scans=no rewrites=no
-- fail instead of queueing behind the application's metadata locks
SET SESSION lock_wait_timeout = 5;

-- jobschema:step 2 tx=own lock=NONE scans=no rewrites=no algorithm=INSTANT table=batch_jobs
-- batch.batch_jobs.status: enum values differ: missing queued, processing; extra pending, running
-- widened to the union of the live and desired values first
-- jobschema:ignore JS208 jobschema's fixes bound how long a statement waits for its lock (the lock timeout set first), not how long it runs: a statement timeout would stop the long steps (batched rewrites, constraint validation) halfway on a large table
ALTER TABLE batch_jobs MODIFY COLUMN status enum('pending','running','paused','completed','failed','cancelled','queued','processing') NOT NULL DEFAULT 'queued' COMMENT 'Job status: queued (waiting), processing (active), paused, completed, failed, cancelled. Older rows may hold pending/running, which a fix must rewrite to queued/processing before the new check is added (the source''s own fix adds the check first and so fails on such rows).', ALGORITHM=INSTANT, LOCK=NONE;

-- jobschema:step 3 tx=batches lock=NONE scans=no rewrites=no key=id table=batch_jobs
-- legacy value 'pending' → 'queued' (legacy_values in the schema)
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';

-- jobschema:step 4 tx=batches lock=NONE scans=no rewrites=no key=id table=batch_jobs
-- legacy value 'running' → 'processing' (legacy_values in the schema)
UPDATE batch_jobs SET status = 'processing' WHERE status = 'running';

-- jobschema:step 5 tx=own lock=SHARED scans=no rewrites=yes algorithm=COPY table=batch_jobs
-- jobschema:ignore JS205 batch_jobs is small (one row per bulk generation job); narrowing an ENUM copies it under a short lock
ALTER TABLE batch_jobs MODIFY COLUMN status enum('queued','processing','paused','completed','failed','cancelled') NOT NULL DEFAULT 'queued' COMMENT 'Job status: queued (waiting), processing (active), paused, completed, failed, cancelled. Older rows may hold pending/running, which a fix must rewrite to queued/processing before the new check is added (the source''s own fix adds the check first and so fails on such rows).';
