CREATE SCHEMA kinds;
CREATE TYPE kinds.job_status AS ENUM ('queued', 'running', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, status kinds.job_status NOT NULL);
