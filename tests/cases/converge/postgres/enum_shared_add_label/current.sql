-- one type, two tables
CREATE TYPE run_state AS ENUM ('queued', 'running', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, state run_state NOT NULL DEFAULT 'queued');
CREATE TABLE job_runs (id bigint PRIMARY KEY, job_id bigint NOT NULL REFERENCES jobs (id), state run_state NOT NULL);
INSERT INTO jobs VALUES (1, 'running');
INSERT INTO job_runs VALUES (1, 1, 'done'), (2, 1, 'running');
