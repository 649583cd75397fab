CREATE INDEX bj_tier_idx ON batch_jobs (tier);
