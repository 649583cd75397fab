-- In a transaction a failure rolls everything back: a retry starts from scratch.
SET lock_timeout = '5s'; SET statement_timeout = '30s';
CREATE TABLE job_notes (id uuid PRIMARY KEY);  -- ok: JS216
ALTER TABLE jobs ADD COLUMN weight integer;  -- ok: JS216
