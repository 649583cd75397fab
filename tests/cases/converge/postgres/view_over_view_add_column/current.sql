CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL, note text);
CREATE VIEW jobs_v AS SELECT id, status FROM jobs;
CREATE VIEW queued_v AS SELECT id FROM jobs_v WHERE status = 'queued';
