CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW vw_deletion_jobs AS
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
