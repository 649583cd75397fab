CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL);
CREATE INDEX jobs_status_idx ON jobs (status);
INSERT INTO jobs VALUES (1, 'queued');
