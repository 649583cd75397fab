CREATE TABLE jobs (id bigint PRIMARY KEY, started_at timestamptz, finished_at timestamptz, CONSTRAINT jobs_times CHECK (finished_at IS NULL OR finished_at >= started_at));
