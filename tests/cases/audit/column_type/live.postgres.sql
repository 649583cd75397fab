ALTER TABLE batch_jobs ALTER COLUMN tier TYPE varchar(20);
