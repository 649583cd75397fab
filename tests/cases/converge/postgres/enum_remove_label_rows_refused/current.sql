-- rows hold the label being removed and no legacy mapping says where they go: refused
CREATE TYPE job_status AS ENUM ('queued', 'running', 'done', 'archived');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
INSERT INTO jobs VALUES (1, 'archived'), (2, 'done');
