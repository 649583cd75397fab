CREATE TYPE job_status AS ENUM ('running', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
INSERT INTO jobs VALUES (1, 'running');
