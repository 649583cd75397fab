CREATE TABLE jobs (id bigint PRIMARY KEY, created_at timestamp NOT NULL);
INSERT INTO jobs VALUES (1, '2024-01-01 00:00:00');
