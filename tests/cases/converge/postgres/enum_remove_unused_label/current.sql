-- removing a label no row holds: a new type and ALTER COLUMN ... TYPE ... USING
CREATE TYPE job_status AS ENUM ('queued', 'running', 'done', 'archived');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL DEFAULT 'queued');
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
