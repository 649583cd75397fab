CREATE TYPE run_state AS ENUM ('queued', 'running', 'done', 'failed');
CREATE TABLE jobs (id bigint PRIMARY KEY, state run_state NOT NULL DEFAULT 'queued');
CREATE TABLE job_runs (id bigint PRIMARY KEY, job_id bigint NOT NULL REFERENCES jobs (id), state run_state NOT NULL);
