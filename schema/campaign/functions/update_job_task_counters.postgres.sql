CREATE OR REPLACE FUNCTION public.update_job_task_counters()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_job_id uuid;
BEGIN
  -- Recount the task counters of every job the changed row belongs (or belonged) to. Recounting
  -- instead of incrementing keeps the counters right after retries, deletes and moves.
  -- SECURITY DEFINER: the counts must include rows the caller's row-level security hides.
  FOR v_job_id IN
    SELECT DISTINCT x.job_id
    FROM (VALUES (CASE WHEN TG_OP <> 'DELETE' THEN NEW.job_id END),
                 (CASE WHEN TG_OP <> 'INSERT' THEN OLD.job_id END)) AS x(job_id)
    WHERE x.job_id IS NOT NULL
  LOOP
    UPDATE jobs j
    SET total_tasks = c.total,
        completed_tasks = c.done,
        failed_tasks = c.error,
        skipped_tasks = c.skipped,
        last_activity_at = now()
    FROM (
      SELECT
        count(*) AS total,
        count(*) FILTER (WHERE jt.status = 'done') AS done,
        count(*) FILTER (WHERE jt.status = 'error') AS error,
        count(*) FILTER (WHERE jt.status = 'skipped') AS skipped
      FROM job_tasks jt
      WHERE jt.job_id = v_job_id
    ) c
    WHERE j.id = v_job_id;
  END LOOP;
  RETURN NULL;
END;
$$;

-- A trigger function: the trigger runs it whatever the caller's privileges, so nobody needs EXECUTE.
REVOKE ALL ON FUNCTION public.update_job_task_counters() FROM PUBLIC, anon, authenticated;
