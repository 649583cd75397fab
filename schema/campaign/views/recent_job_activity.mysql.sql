CREATE SQL SECURITY INVOKER VIEW recent_job_activity AS
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
    (SELECT MAX(ar.ended_at) FROM agent_runs ar WHERE ar.job_id = j.id) AS last_run_ended_at,
    GREATEST(j.created_at,
             COALESCE(j.started_at, j.created_at),
             COALESCE(j.finished_at, j.created_at),
             COALESCE(j.last_activity_at, j.created_at)) AS last_activity_at
  FROM jobs j
) a
WHERE a.last_activity_at > UTC_TIMESTAMP(6) - INTERVAL 30 DAY
ORDER BY a.last_activity_at DESC, a.job_id;
