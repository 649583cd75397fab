CREATE TABLE batch_jobs (id bigint NOT NULL PRIMARY KEY, status enum('pending','running','completed') NOT NULL DEFAULT 'pending');
INSERT INTO batch_jobs VALUES (1, 'pending'), (2, 'running'), (3, 'completed');
