SET lock_timeout = '5s'; SET statement_timeout = '30s';
ALTER TYPE job_status ADD VALUE 'paused';  -- ok: JS215
UPDATE jobs SET status = 'paused' WHERE status = 'held';  -- expect: JS215
UPDATE jobs SET status = 'queued' WHERE status = 'pending';  -- ok: JS215
CREATE TYPE task_state AS ENUM ('todo', 'done');
ALTER TYPE task_state ADD VALUE 'skipped';  -- ok: JS215
UPDATE job_tasks SET state = 'skipped' WHERE state IS NULL;  -- ok: JS215
