CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'queued', CONSTRAINT jobs_status_check CHECK (status IN ('queued','running','done')));
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
