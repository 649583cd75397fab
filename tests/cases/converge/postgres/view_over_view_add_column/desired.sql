CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL, note text);
CREATE VIEW jobs_v AS SELECT id, status, note FROM jobs;
CREATE VIEW queued_v AS SELECT id, note FROM jobs_v WHERE status = 'queued';
