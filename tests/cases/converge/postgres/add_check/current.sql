CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL);
INSERT INTO jobs VALUES (1, 0), (2, 10);
