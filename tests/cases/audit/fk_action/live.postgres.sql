ALTER TABLE batch_items DROP CONSTRAINT batch_items_batch_job_id_fkey, ADD CONSTRAINT batch_items_batch_job_id_fkey FOREIGN KEY (batch_job_id) REFERENCES batch_jobs (id);
