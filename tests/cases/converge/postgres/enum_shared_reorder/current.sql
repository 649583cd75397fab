CREATE TYPE run_state AS ENUM ('done', 'queued', 'running');
CREATE TABLE jobs (id bigint PRIMARY KEY, state run_state NOT NULL DEFAULT 'queued');
CREATE TABLE job_runs (id bigint PRIMARY KEY, state run_state);
INSERT INTO jobs VALUES (1, 'running');
INSERT INTO job_runs VALUES (1, 'done'), (2, NULL);
