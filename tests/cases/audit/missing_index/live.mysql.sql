DROP INDEX batch_jobs_status_idx ON batch_jobs;
