CREATE VIEW job_performance_summary WITH (security_invoker = true) AS
SELECT
  j.org_id,
  count(*) AS total_jobs,
  count(*) FILTER (WHERE j.status = 'pending') AS pending_jobs,
  count(*) FILTER (WHERE j.status = 'running') AS running_jobs,
  count(*) FILTER (WHERE j.status = 'succeeded') AS succeeded_jobs,
  count(*) FILTER (WHERE j.status = 'failed') AS failed_jobs,
  count(*) FILTER (WHERE j.status = 'cancelled') AS cancelled_jobs,
  sum(j.total_tasks) AS total_tasks,
  sum(j.completed_tasks) AS completed_tasks,
  sum(j.failed_tasks) AS failed_tasks,
  round(100.0 * sum(j.completed_tasks) / nullif(sum(j.total_tasks), 0), 2) AS task_completion_rate,
  sum(j.cards_created) AS cards_created,
  sum(j.cards_approved) AS cards_approved,
  sum(j.cards_rejected) AS cards_rejected,
  sum(j.cards_executed) AS cards_executed,
  sum(j.emails_sent) AS emails_sent,
  round(100.0 * sum(j.cards_approved) / nullif(sum(j.cards_approved) + sum(j.cards_rejected), 0), 2) AS approval_rate,
  round(avg(extract(epoch FROM j.finished_at - j.started_at)), 3) AS avg_duration_seconds,
  max(j.created_at) AS last_job_created_at
FROM jobs j
GROUP BY j.org_id;
COMMENT ON VIEW job_performance_summary IS 'Organization-level rollup of jobs, from the denormalised counters on jobs. security_invoker: the caller''s row-level security on jobs applies, so a user sees only their own organization. avg_duration_seconds covers finished jobs that had started.';
