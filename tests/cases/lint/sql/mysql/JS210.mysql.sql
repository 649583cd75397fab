SET SESSION lock_wait_timeout = 5; SET max_statement_time = 30;
ALTER TABLE batch_checkpoints RENAME COLUMN job_id TO batch_job_id;  -- expect: JS210
ALTER TABLE batch_checkpoints CHANGE job_ref batch_ref CHAR(36);  -- expect: JS210, JS205
ALTER TABLE batch_checkpoints CHANGE note note TEXT NULL;  -- ok: JS210  -- expect: JS205
