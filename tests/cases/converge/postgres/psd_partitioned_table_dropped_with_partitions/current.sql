CREATE TABLE job_runs (run_no serial, lane text, started_at timestamptz) PARTITION BY LIST (lane);
CREATE TABLE job_runs_fast PARTITION OF job_runs FOR VALUES IN ('fast');
CREATE TABLE job_runs_slow PARTITION OF job_runs FOR VALUES IN ('slow') PARTITION BY LIST (started_at);
CREATE TABLE job_runs_slow_none PARTITION OF job_runs_slow DEFAULT;
CREATE TABLE queues (id int PRIMARY KEY, name text);
