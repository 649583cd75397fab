CREATE TABLE jobs (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO jobs VALUES (1, '2024-03-01 12:00:00+00');
