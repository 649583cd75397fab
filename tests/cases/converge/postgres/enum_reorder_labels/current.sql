CREATE TYPE job_status AS ENUM ('done', 'queued', 'running');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
INSERT INTO jobs VALUES (1, 'done'), (2, 'queued'), (3, 'running');
