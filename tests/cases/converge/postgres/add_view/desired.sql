CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL);
CREATE VIEW queued_jobs AS SELECT id FROM jobs WHERE status = 'queued';
