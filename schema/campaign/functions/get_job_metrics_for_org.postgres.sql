CREATE OR REPLACE FUNCTION public.get_job_metrics_for_org(p_org_id uuid)
RETURNS TABLE (
  job_id uuid,
  name text,
  status text,
  total_tasks bigint,
  done_tasks bigint,
  error_tasks bigint,
  task_completion_rate numeric,
  total_cards bigint,
  cards_approved bigint,
  cards_rejected bigint,
  cards_done bigint,
  approval_rate numeric,
  emails_sent bigint,
  duration_seconds numeric,
  total_runs bigint,
  last_run_ended_at timestamptz,
  created_at timestamptz,
  refreshed_at timestamptz
)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  -- job_metrics is a materialized view and cannot carry row-level security, so this function is
  -- the access path: the caller gets only their own organization's rows.
  IF p_org_id IS NULL OR NOT can_access_job_org(p_org_id) THEN
    RAISE EXCEPTION 'not allowed to read job metrics of organization %', p_org_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  RETURN QUERY
  SELECT m.job_id, m.name, m.status, m.total_tasks, m.done_tasks, m.error_tasks,
         m.task_completion_rate, m.total_cards, m.cards_approved, m.cards_rejected, m.cards_done,
         m.approval_rate, m.emails_sent, m.duration_seconds, m.total_runs, m.last_run_ended_at,
         m.created_at, m.refreshed_at
  FROM job_metrics m
  WHERE m.org_id = p_org_id
  ORDER BY m.created_at DESC, m.job_id;
END;
$$;

-- SECURITY DEFINER: only signed-in users (and the service role) may call it, never PUBLIC or anon
-- (Supabase's default privileges grant EXECUTE on new functions to anon as well).
REVOKE ALL ON FUNCTION public.get_job_metrics_for_org(uuid) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.get_job_metrics_for_org(uuid) TO authenticated, service_role;
