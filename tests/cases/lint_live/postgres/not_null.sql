SET lock_timeout = '5s'; SET statement_timeout = '30s';
ALTER TABLE job_events ALTER COLUMN note SET NOT NULL;  -- expect: JS220
UPDATE batch_jobs SET total_items = 0 WHERE total_items IS NULL;
ALTER TABLE batch_jobs ALTER COLUMN total_items SET NOT NULL;  -- ok: JS220
ALTER TABLE batch_items ADD COLUMN weight integer NOT NULL;  -- expect: JS203, JS220
ALTER TABLE empty_jobs ADD COLUMN weight integer NOT NULL;  -- expect: JS203  -- ok: JS220
ALTER TABLE empty_jobs ALTER COLUMN status SET NOT NULL;  -- ok: JS220
ALTER TABLE job_runs ALTER COLUMN started_at SET NOT NULL;  -- expect: JS220
