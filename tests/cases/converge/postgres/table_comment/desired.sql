CREATE TABLE jobs (id bigint PRIMARY KEY, name text);
COMMENT ON TABLE jobs IS 'Background jobs, one row per run.';
COMMENT ON COLUMN jobs.name IS 'Shown in the dashboard.';
