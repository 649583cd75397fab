CREATE TABLE jobs (id bigint PRIMARY KEY, code integer DEFAULT 0);
INSERT INTO jobs VALUES (1, 5), (2, 0);
