-- a serial key outgrows integer: the column and the sequence it owns both become bigint, its default kept
CREATE TABLE job_runs (
    run_no bigserial PRIMARY KEY,
    job text NOT NULL
);
