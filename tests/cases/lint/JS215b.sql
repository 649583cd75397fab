-- jobschema:no-transaction
-- each statement commits on its own: the new label may be used at once
SET lock_timeout = '5s'; SET statement_timeout = '30s';
ALTER TYPE job_status ADD VALUE IF NOT EXISTS 'paused';  -- ok: JS215, JS216
UPDATE jobs SET status = 'paused' WHERE status = 'held';  -- ok: JS215
ALTER TYPE job_status ADD VALUE 'archived';  -- expect: JS216
