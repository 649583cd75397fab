SET lock_timeout = '5s'; SET statement_timeout = '30s';  -- ok: JS207, JS208
-- JS201: CHECK / FOREIGN KEY added to an existing table without NOT VALID.
-- `-- expect: CODE` marks the line a finding must point at; `-- ok: CODE` marks a statement that must not fire it.
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing'));  -- expect: JS201
ALTER TABLE batch_items  -- expect: JS201
  ADD CONSTRAINT batch_items_job_fkey FOREIGN KEY (batch_job_id) REFERENCES batch_jobs (id);
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_total_check CHECK (total_items >= 0) NOT VALID;  -- ok: JS201
ALTER TABLE batch_jobs VALIDATE CONSTRAINT batch_jobs_total_check;  -- ok: JS201
CREATE TABLE scratch (id uuid PRIMARY KEY, n integer);
ALTER TABLE scratch ADD CONSTRAINT scratch_n_check CHECK (n > 0);  -- ok: JS201
-- jobschema:ignore JS201 batch_checkpoints is empty: the feature ships disabled
ALTER TABLE batch_checkpoints ADD CONSTRAINT batch_checkpoints_progress_check CHECK (progress >= 0);  -- ok: JS201
