SET lock_timeout = '5s'; SET statement_timeout = '30s';
ALTER TABLE job_tasks ALTER COLUMN finished_at DROP NOT NULL;  -- expect: JS209
ALTER TABLE job_tasks ALTER COLUMN attempt SET NOT NULL;  -- ok: JS209
ALTER TABLE job_tasks ALTER COLUMN attempt DROP DEFAULT;  -- ok: JS209
CREATE TABLE job_notes (id uuid PRIMARY KEY, body text NOT NULL);
ALTER TABLE job_notes ALTER COLUMN body DROP NOT NULL;  -- ok: JS209
-- jobschema:ignore JS209 every reader of started_at handles NULL since release 4.2
ALTER TABLE job_tasks ALTER COLUMN started_at DROP NOT NULL;  -- ok: JS209
