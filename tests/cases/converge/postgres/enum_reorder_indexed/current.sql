CREATE TYPE job_status AS ENUM ('running', 'queued', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
CREATE INDEX jobs_status_idx ON jobs (status);
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
