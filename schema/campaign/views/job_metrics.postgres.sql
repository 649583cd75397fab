CREATE MATERIALIZED VIEW job_metrics AS
SELECT
  j.id AS job_id,
  j.org_id,
  j.name,
  j.status,
  j.created_at,
  j.started_at,
  j.finished_at,
  j.last_activity_at,
  t.total_tasks,
  t.pending_tasks,
  t.running_tasks,
  t.done_tasks,
  t.error_tasks,
  t.skipped_tasks,
  CASE WHEN t.total_tasks > 0
       THEN round(100.0 * t.done_tasks / t.total_tasks, 2) END AS task_completion_rate,
  c.total_cards,
  c.cards_in_review,
  c.cards_approved,
  c.cards_rejected,
  c.cards_done,
  c.total_cards - c.cards_in_review - c.cards_approved - c.cards_rejected - c.cards_done AS cards_other_state,
  CASE WHEN c.cards_approved + c.cards_done + c.cards_rejected > 0
       THEN round(100.0 * (c.cards_approved + c.cards_done) / (c.cards_approved + c.cards_done + c.cards_rejected), 2)
  END AS approval_rate,
  c.email_cards,
  c.emails_sent,
  CASE WHEN j.started_at IS NOT NULL AND j.finished_at IS NOT NULL
       THEN round(extract(epoch FROM j.finished_at - j.started_at), 3) END AS duration_seconds,
  r.total_runs,
  r.last_run_ended_at,
  now() AS refreshed_at
FROM jobs j
CROSS JOIN LATERAL (
  SELECT
    count(*) AS total_tasks,
    count(*) FILTER (WHERE jt.status = 'pending') AS pending_tasks,
    count(*) FILTER (WHERE jt.status = 'running') AS running_tasks,
    count(*) FILTER (WHERE jt.status = 'done') AS done_tasks,
    count(*) FILTER (WHERE jt.status = 'error') AS error_tasks,
    count(*) FILTER (WHERE jt.status = 'skipped') AS skipped_tasks
  FROM job_tasks jt
  WHERE jt.job_id = j.id
) t
CROSS JOIN LATERAL (
  SELECT
    count(*) AS total_cards,
    count(*) FILTER (WHERE kc.state = 'in_review') AS cards_in_review,
    count(*) FILTER (WHERE kc.state = 'approved') AS cards_approved,
    count(*) FILTER (WHERE kc.state = 'rejected') AS cards_rejected,
    count(*) FILTER (WHERE kc.state = 'done') AS cards_done,
    count(*) FILTER (WHERE kc.type = 'send_email') AS email_cards,
    count(*) FILTER (WHERE kc.type = 'send_email' AND kc.state = 'done') AS emails_sent
  FROM kanban_cards kc
  WHERE kc.job_id = j.id
) c
CROSS JOIN LATERAL (
  SELECT count(*) AS total_runs, max(ar.ended_at) AS last_run_ended_at
  FROM agent_runs ar
  WHERE ar.job_id = j.id
) r;
CREATE UNIQUE INDEX job_metrics_job_id_idx ON job_metrics (job_id);
CREATE INDEX job_metrics_org_id_idx ON job_metrics (org_id);
COMMENT ON MATERIALIZED VIEW job_metrics IS 'Per-job analytics counted from job_tasks, kanban_cards and agent_runs: task completion, card state breakdown (cards_approved counts cards currently approved; approval_rate counts approved and done cards against rejected ones), email metrics, timing, runs. task_completion_rate and approval_rate are NULL when there is nothing to divide by, as in job_performance_summary. A snapshot as of refreshed_at; refresh with refresh_job_metrics() (CONCURRENTLY, using the unique index job_metrics_job_id_idx). A materialized view has no row-level security: applications should read it through get_job_metrics_for_org() and not be granted SELECT on it directly.';
-- A materialized view has no row-level security: nobody but its owner and the service role reads it
-- directly (Supabase's default privileges would grant SELECT to anon and authenticated).
REVOKE ALL ON job_metrics FROM PUBLIC, anon, authenticated;
GRANT SELECT ON job_metrics TO service_role;
