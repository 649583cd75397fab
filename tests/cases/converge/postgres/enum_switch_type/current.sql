-- the column moves to another enum type with a superset of labels
CREATE TYPE job_status AS ENUM ('queued', 'done');
CREATE TYPE run_status AS ENUM ('queued', 'running', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
CREATE TABLE runs (id bigint PRIMARY KEY, status run_status NOT NULL);
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
