-- after atlas internal/integration/testdata/postgres/column-time-precision.txt
CREATE TABLE jobs (id int PRIMARY KEY, started_at timestamp(3), finished_at timestamptz(2), run_for time(0));
INSERT INTO jobs VALUES (1, '2024-01-01 10:00:00.123', '2024-01-01 10:00:00.12+00', '01:00:00');
