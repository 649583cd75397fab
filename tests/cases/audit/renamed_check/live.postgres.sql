ALTER TABLE batch_jobs RENAME CONSTRAINT batch_jobs_status_check TO other_name;
