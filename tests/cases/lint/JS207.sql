-- JS207/JS208: a lock timeout (and a statement timeout) before the first DDL that locks an existing table.
CREATE TABLE job_notes (id uuid PRIMARY KEY, body text);
ALTER TABLE job_notes ADD COLUMN author text;  -- ok: JS207, JS208
ALTER TABLE jobs ADD COLUMN priority integer;  -- expect: JS207, JS208
ALTER TABLE jobs ADD COLUMN weight integer;  -- ok: JS207, JS208
SET lock_timeout = '5s';
SET statement_timeout = '30s';
SET lock_timeout = 0;
ALTER TABLE jobs ADD COLUMN note text;  -- ok: JS207, JS208
