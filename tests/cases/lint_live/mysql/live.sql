CREATE TABLE batch_jobs (id CHAR(36) PRIMARY KEY, name VARCHAR(50), status VARCHAR(20), total_items INT);
INSERT INTO batch_jobs VALUES (UUID(), 'a', 'pending', 1), (UUID(), 'b', 'running', 2), (UUID(), 'c', 'queued', 3),
  (UUID(), 'd', 'archived', -1), (UUID(), 'e', 'queued', NULL), (UUID(), 'e', 'queued', 4);
CREATE TABLE job_events (id INT, note VARCHAR(20));
INSERT INTO job_events VALUES (1, 'x'), (1, 'y'), (2, NULL);
