ALTER TABLE jobs MODIFY COLUMN status enum('queued','done') NOT NULL DEFAULT 'queued';
INSERT INTO jobs (id, status) VALUES (1, 'queued'), (2, 'done');
