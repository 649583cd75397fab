CREATE TYPE job_status AS ENUM ('queued', 'running', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, history job_status[]);
