CREATE TABLE jobs (id bigint PRIMARY KEY, batch text);
CREATE INDEX jobs_batch_idx ON jobs (batch);
INSERT INTO jobs VALUES (1, 'b1');
