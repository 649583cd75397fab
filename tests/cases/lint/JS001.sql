-- jobschema:no-transaction
SET lock_timeout = '5s'; SET statement_timeout = '30s';
-- jobschema:ignore JS202  -- expect: JS001
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_jobs_status ON jobs (status);
-- jobschema:ignore JS999 no such rule  -- expect: JS001
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_jobs_name ON jobs (name);
-- jobschema:ignore JS202 jobs is created empty by the previous release  -- ok: JS001
CREATE INDEX IF NOT EXISTS idx_jobs_tier ON jobs (tier);
