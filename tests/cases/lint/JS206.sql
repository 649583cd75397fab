SET lock_timeout = '5s'; SET statement_timeout = '30s';  -- ok: JS207, JS208
-- The fix order seed 001 got wrong, and the right ones.
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_status_check CHECK (status IN ('queued', 'processing'));  -- expect: JS201
UPDATE batch_jobs SET status = 'queued' WHERE status = 'pending';  -- expect: JS206
UPDATE batch_jobs SET priority = 'normal' WHERE priority IS NULL;  -- ok: JS206
UPDATE batch_items SET status = 'queued' WHERE status = 'pending';  -- ok: JS206
UPDATE jobs SET status = 'queued' WHERE status = 'pending';  -- ok: JS206
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check CHECK (status IN ('queued')) NOT VALID;
ALTER TABLE jobs VALIDATE CONSTRAINT jobs_status_check;
-- online order: the new rule NOT VALID first checks what is written meanwhile; the rewrite may follow it
ALTER TABLE batch_items ADD CONSTRAINT batch_items_status_check CHECK (status IN ('queued')) NOT VALID;
UPDATE batch_items SET status = 'queued' WHERE status = 'pending';  -- ok: JS206
ALTER TABLE batch_items VALIDATE CONSTRAINT batch_items_status_check;
