CREATE VIEW vw_deletion_jobs WITH (security_invoker = true) AS
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
COMMENT ON VIEW vw_deletion_jobs IS 'Deletion jobs, one row per job. The source names the view but not its query; this is the plain projection of deletion_jobs. security_invoker, like the MySQL twin (an INVOKER view): the source documents that flag for MySQL and none for PostgreSQL, so both engines check the caller''s privileges.';
