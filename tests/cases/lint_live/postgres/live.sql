CREATE TABLE batch_jobs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text, status text, total_items integer);
INSERT INTO batch_jobs (name, status, total_items) VALUES
  ('a', 'pending', 1), ('b', 'running', 2), ('c', 'queued', 3), ('d', 'archived', -1), ('e', 'queued', NULL),
  ('e', 'queued', 4);
CREATE TABLE batch_items (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), batch_job_id uuid, position integer);
INSERT INTO batch_items (batch_job_id, position) VALUES ((SELECT id FROM batch_jobs WHERE name = 'a'), 1),
  (gen_random_uuid(), 2), (NULL, 3);
CREATE TABLE job_events (id integer, note text);
INSERT INTO job_events VALUES (1, 'x'), (1, 'y'), (2, NULL);
CREATE TABLE empty_jobs (id integer, status text);
