CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL, created_at datetime);
INSERT INTO jobs VALUES (1, 'queued', '2024-01-01 00:00:00');
