ALTER TABLE batch_jobs ALTER COLUMN priority SET DEFAULT 'high';
