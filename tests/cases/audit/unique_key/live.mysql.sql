ALTER TABLE deletion_jobs DROP INDEX uq_deletion_jobs;
