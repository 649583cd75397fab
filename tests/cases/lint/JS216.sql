-- jobschema:no-transaction
SET lock_timeout = '5s'; SET statement_timeout = '30s';
CREATE INDEX CONCURRENTLY idx_jobs_status ON jobs (status);  -- expect: JS216
DROP INDEX CONCURRENTLY IF EXISTS idx_jobs_name;
CREATE INDEX CONCURRENTLY idx_jobs_name ON jobs (name);  -- ok: JS216
CREATE TABLE job_notes (id uuid PRIMARY KEY);  -- expect: JS216
CREATE TABLE IF NOT EXISTS job_marks (id uuid PRIMARY KEY);  -- ok: JS216
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS note text;  -- ok: JS216
ALTER TABLE jobs ADD COLUMN weight integer;  -- expect: JS216
