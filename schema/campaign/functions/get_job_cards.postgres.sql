CREATE OR REPLACE FUNCTION public.get_job_cards(p_job_id uuid)
RETURNS TABLE (
  id uuid,
  task_id bigint,
  type text,
  title text,
  state text,
  content jsonb,
  created_at timestamptz
)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_org_id uuid;
BEGIN
  SELECT j.org_id INTO v_org_id FROM jobs j WHERE j.id = p_job_id;

  -- Ownership check (org_id = auth.uid()); a job the caller may not see is reported as missing.
  IF NOT FOUND OR NOT can_access_job_org(v_org_id) THEN
    RAISE EXCEPTION 'job % not found', p_job_id
      USING ERRCODE = 'no_data_found';
  END IF;

  RETURN QUERY
  SELECT kc.id, kc.task_id, kc.type, kc.title, kc.state, kc.content, kc.created_at
  FROM kanban_cards kc
  WHERE kc.job_id = p_job_id
  ORDER BY kc.created_at DESC, kc.id;
END;
$$;

-- SECURITY DEFINER: only signed-in users (and the service role) may call it, never PUBLIC or anon
-- (Supabase's default privileges grant EXECUTE on new functions to anon as well).
REVOKE ALL ON FUNCTION public.get_job_cards(uuid) FROM PUBLIC, anon;
GRANT EXECUTE ON FUNCTION public.get_job_cards(uuid) TO authenticated, service_role;
