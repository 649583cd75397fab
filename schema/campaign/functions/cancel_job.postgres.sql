CREATE OR REPLACE FUNCTION public.cancel_job(p_job_id uuid)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  -- Checks ownership, locks the job and validates the move (only pending or running jobs can be
  -- cancelled) before any task is touched.
  PERFORM transition_job_status(p_job_id, 'cancelled');

  UPDATE job_tasks
  SET status = 'skipped',
      finished_at = now()
  WHERE job_id = p_job_id
    AND status IN ('pending', 'running');
END;
$$;

-- SECURITY DEFINER: only signed-in users (and the service role) may call it, never PUBLIC or anon
-- (Supabase's default privileges grant EXECUTE on new functions to anon as well).
REVOKE ALL ON FUNCTION public.cancel_job(uuid) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.cancel_job(uuid) TO authenticated, service_role;
