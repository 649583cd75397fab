CREATE OR REPLACE FUNCTION public.update_job_card_counters()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  v_job_id uuid;
BEGIN
  -- Recount the card counters of every job the changed card is (or was) linked to: on insert,
  -- delete, a state or type change, and when a card is linked to another job or unlinked.
  -- SECURITY DEFINER: the counts must include rows the caller's row-level security hides.
  FOR v_job_id IN
    SELECT DISTINCT x.job_id
    FROM (VALUES (CASE WHEN TG_OP <> 'DELETE' THEN NEW.job_id END),
                 (CASE WHEN TG_OP <> 'INSERT' THEN OLD.job_id END)) AS x(job_id)
    WHERE x.job_id IS NOT NULL
  LOOP
    UPDATE jobs j
    SET cards_created = c.total,
        cards_approved = c.approved,
        cards_rejected = c.rejected,
        cards_executed = c.executed,
        emails_sent = c.emails,
        last_activity_at = now()
    FROM (
      SELECT
        count(*) AS total,
        count(*) FILTER (WHERE kc.state IN ('approved', 'done')) AS approved,
        count(*) FILTER (WHERE kc.state = 'rejected') AS rejected,
        count(*) FILTER (WHERE kc.state = 'done') AS executed,
        count(*) FILTER (WHERE kc.state = 'done' AND kc.type = 'send_email') AS emails
      FROM kanban_cards kc
      WHERE kc.job_id = v_job_id
    ) c
    WHERE j.id = v_job_id;
  END LOOP;
  RETURN NULL;
END;
$$;

-- A trigger function: the trigger runs it whatever the caller's privileges, so nobody needs EXECUTE.
REVOKE ALL ON FUNCTION public.update_job_card_counters() FROM PUBLIC, anon, authenticated;
