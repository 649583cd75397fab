ALTER TABLE batch_jobs MODIFY COLUMN tier varchar(20) NULL COMMENT 'Generation tier applied to the job''s items (values not documented).';
