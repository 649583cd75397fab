CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL);
CREATE VIEW open_jobs AS SELECT id, status FROM jobs WHERE status = 'queued';
