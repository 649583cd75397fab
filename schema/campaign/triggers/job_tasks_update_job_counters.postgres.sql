CREATE TRIGGER job_tasks_update_job_counters
AFTER INSERT OR DELETE OR UPDATE OF status, job_id ON job_tasks
FOR EACH ROW
EXECUTE FUNCTION update_job_task_counters();
