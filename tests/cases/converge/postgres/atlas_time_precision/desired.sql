-- after atlas internal/integration/testdata/postgres/column-time-precision.txt
CREATE TABLE jobs (id int PRIMARY KEY, started_at timestamp(6), finished_at timestamptz(4), run_for time(3));
