SET lock_timeout = '5s'; SET statement_timeout = '30s';
CREATE INDEX idx_jobs_status ON jobs (status);  -- expect: JS202
CREATE UNIQUE INDEX uq_jobs_name ON jobs (name);  -- expect: JS202
CREATE INDEX CONCURRENTLY idx_jobs_created ON jobs (created_at);  -- ok: JS202  -- expect: JS213
CREATE TABLE job_notes (id uuid PRIMARY KEY, job_id uuid);
CREATE INDEX idx_job_notes_job ON job_notes (job_id);  -- ok: JS202
CREATE INDEX idx_jobs_tier ON jobs (tier);  -- jobschema:ignore JS202 jobs holds a few hundred rows  -- ok: JS202
