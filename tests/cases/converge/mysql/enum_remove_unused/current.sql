CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status enum('queued','running','done','archived') NOT NULL);
INSERT INTO jobs VALUES (1, 'queued');
