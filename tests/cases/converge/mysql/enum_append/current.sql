CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status enum('queued','running') NOT NULL DEFAULT 'queued');
INSERT INTO jobs VALUES (1, 'queued'), (2, 'running');
