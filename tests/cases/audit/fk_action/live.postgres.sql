ALTER TABLE batch_checkpoints DROP CONSTRAINT batch_checkpoints_batch_job_id_fkey, ADD CONSTRAINT batch_checkpoints_batch_job_id_fkey FOREIGN KEY (batch_job_id) REFERENCES batch_jobs (id);
