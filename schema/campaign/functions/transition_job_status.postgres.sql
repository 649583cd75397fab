CREATE OR REPLACE FUNCTION public.transition_job_status(p_job_id uuid, p_new_status text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_job jobs%ROWTYPE;
BEGIN
  -- Allowed moves: pending -> running | cancelled, running -> succeeded | failed | cancelled.
  -- succeeded, failed and cancelled are final. Asking for the current status is a no-op.
  IF p_new_status IS NULL
     OR p_new_status NOT IN ('pending', 'running', 'succeeded', 'failed', 'cancelled') THEN
    RAISE EXCEPTION 'unknown job status: %', p_new_status
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  SELECT * INTO v_job FROM jobs WHERE id = p_job_id FOR UPDATE;

  -- Ownership check (org_id = auth.uid()); a job the caller may not see is reported as missing.
  IF NOT FOUND OR NOT can_access_job_org(v_job.org_id) THEN
    RAISE EXCEPTION 'job % not found', p_job_id
      USING ERRCODE = 'no_data_found';
  END IF;

  IF v_job.status = p_new_status THEN
    RETURN;
  END IF;

  IF NOT (
       (v_job.status = 'pending' AND p_new_status IN ('running', 'cancelled'))
    OR (v_job.status = 'running' AND p_new_status IN ('succeeded', 'failed', 'cancelled'))
  ) THEN
    RAISE EXCEPTION 'invalid job status transition for job %: % -> %',
      p_job_id, v_job.status, p_new_status
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Jobs move pending -> running -> succeeded/failed/cancelled; a pending job may be cancelled.';
  END IF;

  UPDATE jobs
  SET status = p_new_status,
      started_at = CASE WHEN p_new_status = 'running' THEN coalesce(started_at, now()) ELSE started_at END,
      finished_at = CASE WHEN p_new_status IN ('succeeded', 'failed', 'cancelled') THEN now() ELSE finished_at END
  WHERE id = p_job_id;
END;
$$;

-- SECURITY DEFINER: only signed-in users (and the service role) may call it, never PUBLIC or anon
-- (Supabase's default privileges grant EXECUTE on new functions to anon as well).
REVOKE ALL ON FUNCTION public.transition_job_status(uuid, text) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.transition_job_status(uuid, text) TO authenticated, service_role;
