CREATE VIEW vw_deletion_jobs_status WITH (security_invoker = true) AS
SELECT
  dj.status,
  COUNT(*) AS job_count,
  SUM(CASE WHEN dj.hard_delete THEN 1 ELSE 0 END) AS hard_delete_count,
  COUNT(u.id) AS user_created_count,
  SUM(CASE WHEN dj.created_by IS NULL THEN 1 ELSE 0 END) AS no_creator_count,
  COUNT(DISTINCT u.id) AS creator_count,
  MIN(dj.scheduled_at) AS first_scheduled_at,
  MIN(dj.created_at) AS oldest_created_at,
  MAX(dj.finished_at) AS last_finished_at
FROM deletion_jobs dj
LEFT JOIN users u ON u.id = dj.created_by
GROUP BY dj.status;
COMMENT ON VIEW vw_deletion_jobs_status IS 'Deletion jobs per status, joined with users: how many jobs, how many hard deletes, how many were created by a (still existing) user and by how many distinct users, the earliest schedule and the latest finish. The source names the view (a join view) but not its query. security_invoker, like the MySQL twin (an INVOKER view): the source documents that flag for MySQL and none for PostgreSQL, so both engines check the caller''s privileges.';
