-- The state seed 001 documents for the batch module, on top of the generated DDL: batch_jobs'
-- live CHECK (named batch_jobs_status_check, as in the error it quotes) allows the old pending/running
-- and rejects 'queued'. The default follows the old values. batch_checkpoints already has exactly the
-- four documented columns; batch_items' values were accepted, so it is as generated.
ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_status_check;
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check
    CHECK (status IN ('pending', 'running', 'paused', 'completed', 'failed', 'cancelled'));
ALTER TABLE batch_jobs ALTER COLUMN status SET DEFAULT 'pending';
