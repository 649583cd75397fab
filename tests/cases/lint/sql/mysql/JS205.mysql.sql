SET SESSION lock_wait_timeout = 5; SET max_statement_time = 30;  -- ok: JS207, JS208
-- MySQL: MODIFY COLUMN redefines the column and may copy the table.
ALTER TABLE job_tasks MODIFY COLUMN attempt BIGINT NOT NULL;  -- expect: JS205
ALTER TABLE job_tasks ADD COLUMN note TEXT;  -- ok: JS205
CREATE INDEX idx_job_tasks_attempt ON job_tasks (attempt);  -- ok: JS202
