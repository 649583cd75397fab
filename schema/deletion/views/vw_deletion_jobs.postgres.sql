CREATE VIEW vw_deletion_jobs AS
SELECT
  dj.id,
  dj.entity_table,
  dj.entity_pk,
  dj.status,
  dj.reason,
  dj.hard_delete,
  dj.scheduled_at,
  dj.started_at,
  dj.finished_at,
  dj.error,
  dj.created_by,
  dj.created_at
FROM deletion_jobs dj;
COMMENT ON VIEW vw_deletion_jobs IS 'Deletion jobs, one row per job. The source names the view but not its query; this is the plain projection of deletion_jobs.';
