-- the seed-001 incident on a native enum: legacy rows rewritten through the mapping, nothing lost
CREATE TYPE batch_job_status AS ENUM ('pending', 'running', 'completed', 'failed');
CREATE TABLE batch_jobs (id bigint PRIMARY KEY, status batch_job_status NOT NULL DEFAULT 'pending');
INSERT INTO batch_jobs VALUES (1, 'pending'), (2, 'running'), (3, 'completed'), (4, 'pending'), (5, 'failed');
