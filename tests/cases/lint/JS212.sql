SET lock_timeout = '5s'; SET statement_timeout = '30s';
ALTER TABLE job_tasks ADD CONSTRAINT job_tasks_job_seq_key UNIQUE (job_id, seq);  -- expect: JS212
ALTER TABLE job_events ADD PRIMARY KEY (id);  -- expect: JS212
ALTER TABLE job_runs ADD CONSTRAINT job_runs_pkey PRIMARY KEY USING INDEX job_runs_id_idx;  -- ok: JS212
ALTER TABLE job_tasks ADD CONSTRAINT job_tasks_uq UNIQUE USING INDEX job_tasks_uq_idx;  -- ok: JS212
CREATE TABLE job_notes (id uuid, body text);
ALTER TABLE job_notes ADD PRIMARY KEY (id);  -- ok: JS212
