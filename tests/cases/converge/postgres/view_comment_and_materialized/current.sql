CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL);
INSERT INTO jobs VALUES (1, 'queued'), (2, 'done');
