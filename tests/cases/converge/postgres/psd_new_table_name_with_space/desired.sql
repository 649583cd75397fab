CREATE TABLE jobs (id bigint PRIMARY KEY, state text NOT NULL);
CREATE TABLE "jobs archive" (job_id bigint REFERENCES jobs (id) ON DELETE SET NULL, moved_at timestamptz);
