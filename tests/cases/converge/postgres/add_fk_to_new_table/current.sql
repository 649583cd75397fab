CREATE TABLE jobs (id bigint PRIMARY KEY, queue_id bigint);
INSERT INTO jobs VALUES (1, NULL);
