CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL);
CREATE VIEW queued_jobs AS SELECT id FROM jobs WHERE status = 'queued';
