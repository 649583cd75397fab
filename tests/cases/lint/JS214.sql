SET lock_timeout = '5s'; SET statement_timeout = '30s';
TRUNCATE batch_jobs CASCADE;  -- expect: JS214
TRUNCATE TABLE batch_items, batch_jobs;  -- ok: JS214
TRUNCATE batch_items RESTRICT;  -- ok: JS214
