CREATE TABLE jobs (id bigint PRIMARY KEY, queue text NOT NULL, slot int NOT NULL);
CREATE INDEX jobs_queue_idx ON jobs (queue);
CREATE TABLE claims (worker text, queue text, slot int);
