CREATE OR REPLACE FUNCTION public.refresh_job_metrics()
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  -- CONCURRENTLY keeps job_metrics readable during the refresh; it needs the unique index
  -- job_metrics_job_id_idx and a populated view, so a never-populated view is filled normally.
  IF EXISTS (
    SELECT 1
    FROM pg_catalog.pg_matviews mv
    WHERE mv.schemaname = 'public'
      AND mv.matviewname = 'job_metrics'
      AND mv.ispopulated
  ) THEN
    REFRESH MATERIALIZED VIEW CONCURRENTLY job_metrics;
  ELSE
    REFRESH MATERIALIZED VIEW job_metrics;
  END IF;
END;
$$;

-- SECURITY DEFINER and it refreshes a view over every organization: the service role (a scheduled
-- job) calls it, users do not.
REVOKE ALL ON FUNCTION public.refresh_job_metrics() FROM PUBLIC, anon, authenticated;
GRANT EXECUTE ON FUNCTION public.refresh_job_metrics() TO service_role;
