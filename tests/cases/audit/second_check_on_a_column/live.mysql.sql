ALTER TABLE batch_jobs ADD CONSTRAINT old_status CHECK (status IN ('pending', 'running'));
