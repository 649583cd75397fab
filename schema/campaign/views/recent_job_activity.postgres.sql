CREATE VIEW recent_job_activity WITH (security_invoker = true) AS
SELECT
  a.job_id,
  a.org_id,
  a.name,
  a.status,
  a.total_tasks,
  a.completed_tasks,
  a.failed_tasks,
  a.cards_created,
  a.cards_executed,
  a.emails_sent,
  a.created_at,
  a.started_at,
  a.finished_at,
  a.last_run_ended_at,
  a.last_activity_at
FROM (
  SELECT
    j.id AS job_id,
    j.org_id,
    j.name,
    j.status,
    j.total_tasks,
    j.completed_tasks,
    j.failed_tasks,
    j.cards_created,
    j.cards_executed,
    j.emails_sent,
    j.created_at,
    j.started_at,
    j.finished_at,
    (SELECT max(ar.ended_at) FROM agent_runs ar WHERE ar.job_id = j.id) AS last_run_ended_at,
    greatest(j.created_at,
             coalesce(j.started_at, j.created_at),
             coalesce(j.finished_at, j.created_at),
             coalesce(j.last_activity_at, j.created_at)) AS last_activity_at
  FROM jobs j
) a
WHERE a.last_activity_at > now() - interval '30 days'
ORDER BY a.last_activity_at DESC, a.job_id;
COMMENT ON VIEW recent_job_activity IS 'Jobs with activity (created, started, finished, a task or card changed) in the last 30 days, most recent first. The source does not define "recent"; 30 days is the chosen window. security_invoker: the caller''s row-level security on jobs and agent_runs applies.';
