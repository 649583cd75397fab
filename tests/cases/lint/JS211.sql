SET lock_timeout = '5s'; SET statement_timeout = '30s';
ALTER TABLE job_tasks ADD COLUMN token uuid DEFAULT gen_random_uuid();  -- expect: JS211
ALTER TABLE job_tasks ADD COLUMN jitter double precision DEFAULT random();  -- expect: JS211
ALTER TABLE job_tasks ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();  -- expect: JS211
ALTER TABLE job_tasks ADD COLUMN seq bigserial;  -- expect: JS211
ALTER TABLE job_tasks ADD COLUMN total integer GENERATED ALWAYS AS (a + b) STORED;  -- expect: JS211
ALTER TABLE job_tasks ADD COLUMN created_at timestamptz DEFAULT now();  -- ok: JS211
ALTER TABLE job_tasks ADD COLUMN status text DEFAULT 'queued';  -- ok: JS211
ALTER TABLE job_tasks ADD COLUMN later uuid;  -- ok: JS211
ALTER TABLE job_tasks ALTER COLUMN later SET DEFAULT gen_random_uuid();  -- ok: JS211
CREATE TABLE job_notes (id uuid PRIMARY KEY);
ALTER TABLE job_notes ADD COLUMN token uuid DEFAULT gen_random_uuid();  -- ok: JS211
