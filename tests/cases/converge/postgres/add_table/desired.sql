CREATE TABLE jobs (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE job_logs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, job_id bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE, line text NOT NULL, logged_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX job_logs_job_id_idx ON job_logs (job_id);
