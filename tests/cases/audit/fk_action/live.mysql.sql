ALTER TABLE batch_items DROP FOREIGN KEY batch_items_batch_job_id_fkey;
ALTER TABLE batch_items ADD CONSTRAINT batch_items_batch_job_id_fkey FOREIGN KEY (batch_job_id) REFERENCES batch_jobs (id);
