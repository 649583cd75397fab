-- a serial key outgrows integer: the column and the sequence it owns both become bigint, its default kept
CREATE TABLE job_runs (
    run_no serial PRIMARY KEY,
    job text NOT NULL
);
INSERT INTO job_runs (job) VALUES ('nightly'), ('hourly');
