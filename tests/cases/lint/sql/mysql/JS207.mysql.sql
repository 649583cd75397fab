-- MySQL: metadata lock wait timeout; MariaDB's max_statement_time.
ALTER TABLE jobs ADD COLUMN priority INT;  -- expect: JS207, JS208
SET SESSION lock_wait_timeout = 5;
SET max_statement_time = 30;
ALTER TABLE jobs ADD COLUMN weight INT;  -- ok: JS207, JS208
RENAME TABLE job_log TO job_events;  -- expect: JS210
