CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status enum('done','queued','running') NOT NULL);
INSERT INTO jobs VALUES (1, 'done'), (2, 'running');
