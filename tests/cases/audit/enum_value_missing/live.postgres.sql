ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'done'));
INSERT INTO jobs (id, status) VALUES (1, 'queued'), (2, 'done');
