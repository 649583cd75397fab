CREATE TYPE job_status AS ENUM ('queued', 'in progress', 'on hold', 're-try', 'done/archived', 'won''t fix');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
