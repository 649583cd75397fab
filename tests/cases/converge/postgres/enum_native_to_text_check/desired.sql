CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'queued' CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'done')));
