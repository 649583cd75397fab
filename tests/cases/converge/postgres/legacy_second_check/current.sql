-- a legacy CHECK left beside the managed one keeps enforcing the old values
CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL, CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'done')), CONSTRAINT jobs_status_old CHECK (status IN ('queued', 'running')));
INSERT INTO jobs VALUES (1, 'queued');
