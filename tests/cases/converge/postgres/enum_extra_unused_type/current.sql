CREATE TYPE job_status AS ENUM ('queued', 'running');
CREATE TYPE old_status AS ENUM ('a', 'b');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
