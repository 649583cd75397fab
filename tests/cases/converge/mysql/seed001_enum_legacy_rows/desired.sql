CREATE TABLE batch_jobs (id bigint NOT NULL PRIMARY KEY, status enum('queued','processing','completed') NOT NULL DEFAULT 'queued');
