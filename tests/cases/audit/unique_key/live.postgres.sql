ALTER TABLE deletion_jobs DROP CONSTRAINT uq_deletion_jobs;
