CREATE TYPE job_status AS ENUM ('queued', 'running');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL, history job_status[] NOT NULL DEFAULT '{}');
INSERT INTO jobs VALUES (1, 'running', '{queued,running}');
