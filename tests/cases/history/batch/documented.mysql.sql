-- The state seed 001 documents for the batch module, on top of the generated DDL (MySQL's form of it):
-- batch_jobs.status still takes the old pending/running and rejects 'queued'; the default follows
-- the old values. batch_checkpoints and batch_items are as generated.
ALTER TABLE batch_jobs MODIFY COLUMN status enum('pending','running','paused','completed','failed','cancelled') NOT NULL DEFAULT 'pending' COMMENT 'Job status: queued (waiting), processing (active), paused, completed, failed, cancelled. Older rows may hold pending/running, which a fix must rewrite to queued/processing before the new check is added (the source''s own fix adds the check first and so fails on such rows).';
