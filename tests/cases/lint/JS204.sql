SET lock_timeout = '5s'; SET statement_timeout = '30s';  -- ok: JS207, JS208
ALTER TABLE batch_jobs DROP COLUMN tier;  -- expect: JS204
DROP TABLE batch_checkpoints;  -- expect: JS204
CREATE TABLE tmp_backfill (id uuid);
DROP TABLE tmp_backfill;  -- ok: JS204
ALTER TABLE batch_jobs DROP CONSTRAINT batch_jobs_old_check;  -- ok: JS204
-- jobschema:ignore JS204 legacy column unused since the 2.3 release; backup taken by the runbook
ALTER TABLE batch_jobs DROP COLUMN legacy_flag;  -- ok: JS204
