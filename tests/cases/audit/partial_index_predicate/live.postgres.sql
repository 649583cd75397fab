DROP INDEX idx_jobs_expires_at;
CREATE INDEX idx_jobs_expires_at ON jobs (expires_at) WHERE expires_at IS NOT NULL;
