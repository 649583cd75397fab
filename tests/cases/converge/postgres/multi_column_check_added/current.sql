CREATE TABLE jobs (id bigint PRIMARY KEY, started_at timestamptz, finished_at timestamptz);
INSERT INTO jobs VALUES (1, '2024-01-01', '2024-01-02');
