ALTER TABLE batch_jobs DROP COLUMN tier;
