-- the seed-001 incident: rows hold pending/running, the schema moves to queued/processing with a legacy mapping
CREATE TABLE batch_jobs (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'pending', CONSTRAINT batch_jobs_status_check CHECK (status IN ('pending', 'running', 'completed', 'failed')));
INSERT INTO batch_jobs VALUES (1, 'pending'), (2, 'running'), (3, 'completed'), (4, 'pending');
