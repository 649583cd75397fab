SET lock_timeout = '5s'; SET statement_timeout = '30s';  -- ok: JS207, JS208
ALTER TABLE job_tasks ALTER COLUMN attempt TYPE bigint;  -- expect: JS205
ALTER TABLE job_tasks ALTER COLUMN code TYPE integer USING code::integer;  -- expect: JS205
ALTER TABLE job_tasks ALTER COLUMN label TYPE varchar(200);  -- ok: JS205
ALTER TABLE job_tasks ALTER COLUMN body TYPE text;  -- ok: JS205
ALTER TABLE job_tasks ALTER COLUMN attempt SET NOT NULL;  -- ok: JS205
