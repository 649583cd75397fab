CREATE SQL SECURITY INVOKER VIEW job_performance_summary AS
SELECT
  j.org_id,
  COUNT(*) AS total_jobs,
  SUM(CASE WHEN j.status = 'pending' THEN 1 ELSE 0 END) AS pending_jobs,
  SUM(CASE WHEN j.status = 'running' THEN 1 ELSE 0 END) AS running_jobs,
  SUM(CASE WHEN j.status = 'succeeded' THEN 1 ELSE 0 END) AS succeeded_jobs,
  SUM(CASE WHEN j.status = 'failed' THEN 1 ELSE 0 END) AS failed_jobs,
  SUM(CASE WHEN j.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled_jobs,
  SUM(j.total_tasks) AS total_tasks,
  SUM(j.completed_tasks) AS completed_tasks,
  SUM(j.failed_tasks) AS failed_tasks,
  ROUND(100.0 * SUM(j.completed_tasks) / NULLIF(SUM(j.total_tasks), 0), 2) AS task_completion_rate,
  SUM(j.cards_created) AS cards_created,
  SUM(j.cards_approved) AS cards_approved,
  SUM(j.cards_rejected) AS cards_rejected,
  SUM(j.cards_executed) AS cards_executed,
  SUM(j.emails_sent) AS emails_sent,
  ROUND(100.0 * SUM(j.cards_approved) / NULLIF(SUM(j.cards_approved) + SUM(j.cards_rejected), 0), 2) AS approval_rate,
  ROUND(AVG(TIMESTAMPDIFF(MICROSECOND, j.started_at, j.finished_at)) / 1000000, 3) AS avg_duration_seconds,
  MAX(j.created_at) AS last_job_created_at
FROM jobs j
GROUP BY j.org_id;
