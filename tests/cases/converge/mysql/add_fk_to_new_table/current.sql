CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, queue_id bigint);
INSERT INTO jobs VALUES (1, NULL);
