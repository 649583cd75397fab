-- the seed-001 drift without legacy rows: the live CHECK lacks a value the schema allows
CREATE TABLE batch_jobs (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'pending', CONSTRAINT batch_jobs_status_check CHECK (status IN ('pending', 'running', 'completed')));
INSERT INTO batch_jobs VALUES (1, 'pending'), (2, 'completed');
