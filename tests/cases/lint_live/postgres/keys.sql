SET lock_timeout = '5s'; SET statement_timeout = '30s';
-- jobschema:ignore JS201 counted by JS220 below instead
ALTER TABLE batch_items ADD CONSTRAINT batch_items_job_fkey  -- expect: JS220
  FOREIGN KEY (batch_job_id) REFERENCES batch_jobs (id);
-- jobschema:ignore JS212 job_events is small
ALTER TABLE job_events ADD PRIMARY KEY (id);  -- expect: JS220
-- jobschema:ignore JS212 batch_jobs is small
ALTER TABLE batch_jobs ADD CONSTRAINT batch_jobs_name_key UNIQUE (name);  -- expect: JS220
-- jobschema:ignore JS212 batch_items is small
ALTER TABLE batch_items ADD CONSTRAINT batch_items_position_key UNIQUE (position);  -- ok: JS220
-- jobschema:ignore JS212 empty_jobs is empty
ALTER TABLE empty_jobs ADD PRIMARY KEY (id);  -- ok: JS220
