DROP TRIGGER job_tasks_update_job_counters ON job_tasks;
