-- a type change under a materialized view with an index: the view is dropped and created again, its index too
CREATE TABLE jobs (id bigint PRIMARY KEY, total bigint NOT NULL);
CREATE MATERIALIZED VIEW job_totals AS SELECT id, total FROM jobs;
CREATE UNIQUE INDEX job_totals_id ON job_totals (id);
