ALTER TABLE batch_checkpoints DROP FOREIGN KEY batch_checkpoints_batch_job_id_fkey;
ALTER TABLE batch_checkpoints ADD CONSTRAINT batch_checkpoints_batch_job_id_fkey FOREIGN KEY (batch_job_id) REFERENCES batch_jobs (id);
