ALTER TABLE batch_jobs MODIFY COLUMN name text NULL COMMENT 'Job name shown in the UI.';
