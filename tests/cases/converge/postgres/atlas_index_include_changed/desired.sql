-- after atlas internal/integration/testdata/postgres/index-include.txtar
CREATE TABLE jobs (id int PRIMARY KEY, queue text, priority int, payload jsonb);
CREATE INDEX jobs_queue_idx ON jobs (queue) INCLUDE (priority, id);
