SET SESSION lock_wait_timeout = 5; SET max_statement_time = 30;
ALTER TABLE job_tasks ADD COLUMN token CHAR(36) DEFAULT (UUID());  -- expect: JS211
ALTER TABLE job_tasks ADD COLUMN status VARCHAR(20) DEFAULT 'queued';  -- ok: JS211
