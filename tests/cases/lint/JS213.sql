SET lock_timeout = '5s'; SET statement_timeout = '30s';
CREATE INDEX CONCURRENTLY idx_jobs_status ON jobs (status);  -- expect: JS213
DROP INDEX CONCURRENTLY idx_jobs_old;  -- expect: JS213
