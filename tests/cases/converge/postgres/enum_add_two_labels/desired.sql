CREATE TYPE job_status AS ENUM ('queued', 'running', 'done', 'failed');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL DEFAULT 'queued');
