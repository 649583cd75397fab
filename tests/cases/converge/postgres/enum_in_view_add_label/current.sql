CREATE TYPE job_status AS ENUM ('queued', 'running');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
CREATE VIEW job_states AS SELECT id, status FROM jobs;
INSERT INTO jobs VALUES (1, 'queued');
