CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status enum('queued','in progress') NOT NULL DEFAULT 'queued');
INSERT INTO jobs VALUES (1, 'in progress');
