CREATE TYPE run_state AS ENUM ('queued', 'running', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, state run_state NOT NULL DEFAULT 'queued');
CREATE TABLE job_runs (id bigint PRIMARY KEY, state run_state);
