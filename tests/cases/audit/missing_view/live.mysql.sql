DROP VIEW vw_deletion_jobs;
