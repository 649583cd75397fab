CREATE UNLOGGED TABLE scratch_jobs (id int PRIMARY KEY, payload text);
