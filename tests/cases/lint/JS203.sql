SET lock_timeout = '5s'; SET statement_timeout = '30s';  -- ok: JS207, JS208
ALTER TABLE jobs ADD COLUMN attempts integer NOT NULL;  -- expect: JS203
ALTER TABLE jobs ADD COLUMN retries integer NOT NULL DEFAULT 0;  -- ok: JS203
ALTER TABLE jobs ADD COLUMN note text;  -- ok: JS203
ALTER TABLE jobs ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;  -- ok: JS203  -- expect: JS211
CREATE TABLE job_notes (id uuid PRIMARY KEY);
ALTER TABLE job_notes ADD COLUMN body text NOT NULL;  -- ok: JS203
