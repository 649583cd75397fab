CREATE TABLE jobs (id bigint PRIMARY KEY, priority integer NOT NULL DEFAULT 5);
INSERT INTO jobs VALUES (1, 5);
