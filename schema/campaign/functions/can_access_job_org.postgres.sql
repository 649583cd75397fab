CREATE OR REPLACE FUNCTION public.can_access_job_org(p_org_id uuid)
RETURNS boolean
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  -- The role the caller acts as. Inside a SECURITY DEFINER function current_user is the owner,
  -- but the session's SET ROLE (e.g. authenticated or service_role on Supabase) is still visible.
  v_role name := CASE WHEN current_setting('role') = 'none' THEN session_user
                      ELSE current_setting('role')::name END;
BEGIN
  -- The ownership rule of the jobs row-level security policy: org_id = auth.uid().
  IF p_org_id IS NOT NULL AND p_org_id = auth.uid() THEN
    RETURN true;
  END IF;
  -- Callers whose role bypasses row-level security (superusers, BYPASSRLS roles such as the
  -- service role) see every job through the tables, so the helper functions let them too.
  RETURN EXISTS (
    SELECT 1
    FROM pg_catalog.pg_roles r
    WHERE r.rolname = v_role
      AND (r.rolsuper OR r.rolbypassrls)
  );
END;
$$;
