CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL, created_at timestamptz);
INSERT INTO jobs VALUES (1, 'queued', '2024-01-01 00:00:00+00');
