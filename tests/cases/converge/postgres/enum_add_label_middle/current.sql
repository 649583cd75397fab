-- a label added between two others: ALTER TYPE ... ADD VALUE ... BEFORE
CREATE TYPE job_status AS ENUM ('queued', 'done');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL);
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
