CREATE TYPE job_status AS ENUM ('queued', 'in progress');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
INSERT INTO jobs VALUES (1, 'in progress');
