CREATE OR REPLACE VIEW vw_deletion_jobs AS SELECT * FROM deletion_jobs WHERE status <> 'done';
