CREATE OR REPLACE FUNCTION public.get_job_progress(p_job_id uuid)
RETURNS TABLE (
  job_id uuid,
  status text,
  total_tasks bigint,
  pending_tasks bigint,
  running_tasks bigint,
  done_tasks bigint,
  error_tasks bigint,
  skipped_tasks bigint,
  task_completion_rate numeric,
  current_batch integer,
  total_cards bigint,
  cards_by_state jsonb,
  cards_by_type jsonb,
  started_at timestamptz,
  finished_at timestamptz,
  elapsed interval
)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_job jobs%ROWTYPE;
BEGIN
  SELECT * INTO v_job FROM jobs j WHERE j.id = p_job_id;

  -- Ownership check (org_id = auth.uid()); a job the caller may not see is reported as missing.
  IF NOT FOUND OR NOT can_access_job_org(v_job.org_id) THEN
    RAISE EXCEPTION 'job % not found', p_job_id
      USING ERRCODE = 'no_data_found';
  END IF;

  -- Counted live from job_tasks and kanban_cards (not from the denormalised counters).
  RETURN QUERY
  SELECT
    v_job.id,
    v_job.status,
    t.total,
    t.pending,
    t.running,
    t.done,
    t.error,
    t.skipped,
    CASE WHEN t.total > 0 THEN round(100.0 * t.done / t.total, 2) END,  -- NULL without tasks, as in the views
    t.current_batch,
    coalesce(cs.total, 0),
    coalesce(cs.by_state, '{}'::jsonb),
    coalesce(ct.by_type, '{}'::jsonb),
    v_job.started_at,
    v_job.finished_at,
    CASE WHEN v_job.started_at IS NOT NULL
         THEN coalesce(v_job.finished_at, now()) - v_job.started_at END
  FROM (
    SELECT
      count(*) AS total,
      count(*) FILTER (WHERE jt.status = 'pending') AS pending,
      count(*) FILTER (WHERE jt.status = 'running') AS running,
      count(*) FILTER (WHERE jt.status = 'done') AS done,
      count(*) FILTER (WHERE jt.status = 'error') AS error,
      count(*) FILTER (WHERE jt.status = 'skipped') AS skipped,
      max(jt.batch) AS current_batch
    FROM job_tasks jt
    WHERE jt.job_id = p_job_id
  ) t
  CROSS JOIN (
    SELECT sum(s.n)::bigint AS total, jsonb_object_agg(s.state, s.n) AS by_state
    FROM (
      SELECT kc.state, count(*) AS n
      FROM kanban_cards kc
      WHERE kc.job_id = p_job_id
      GROUP BY kc.state
    ) s
  ) cs
  CROSS JOIN (
    SELECT jsonb_object_agg(y.type, y.n) AS by_type
    FROM (
      SELECT kc.type, count(*) AS n
      FROM kanban_cards kc
      WHERE kc.job_id = p_job_id
      GROUP BY kc.type
    ) y
  ) ct;
END;
$$;

-- SECURITY DEFINER: only signed-in users (and the service role) may call it, never PUBLIC or anon
-- (Supabase's default privileges grant EXECUTE on new functions to anon as well).
REVOKE ALL ON FUNCTION public.get_job_progress(uuid) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.get_job_progress(uuid) TO authenticated, service_role;
