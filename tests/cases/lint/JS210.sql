SET lock_timeout = '5s'; SET statement_timeout = '30s';
ALTER TABLE batch_checkpoints RENAME COLUMN job_id TO batch_job_id;  -- expect: JS210
ALTER TABLE batch_log RENAME TO batch_events;  -- expect: JS210
ALTER TABLE batch_jobs RENAME CONSTRAINT chk_old TO batch_jobs_status_check;  -- ok: JS210
ALTER INDEX idx_old RENAME TO idx_batch_jobs_status;  -- ok: JS210
CREATE TABLE scratch (id uuid PRIMARY KEY, n integer);
ALTER TABLE scratch RENAME COLUMN n TO amount;  -- ok: JS210
