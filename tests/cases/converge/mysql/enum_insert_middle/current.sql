CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status enum('queued','done') NOT NULL);
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
