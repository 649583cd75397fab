CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL, note text);
CREATE VIEW jobs_v AS SELECT id, status, note FROM jobs;
CREATE VIEW queued_v AS SELECT id FROM jobs_v WHERE status = 'queued';
