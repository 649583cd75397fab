-- jobschema:no-transaction
SET lock_timeout = '5s'; SET statement_timeout = '30s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_jobs_status ON jobs (status);  -- ok: JS213, JS216
DROP INDEX CONCURRENTLY IF EXISTS idx_jobs_old;  -- ok: JS213, JS216
BEGIN;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_jobs_name ON jobs (name);  -- expect: JS213
COMMIT;
