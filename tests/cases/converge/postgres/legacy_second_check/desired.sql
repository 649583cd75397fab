CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL, CONSTRAINT jobs_status_check CHECK (status IN ('queued', 'running', 'done')));
