-- the view reading a column whose type changes is dropped by the schema: dropped before the change
CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL);
CREATE VIEW job_totals AS SELECT id, total FROM jobs;
CREATE VIEW job_big AS SELECT id FROM job_totals WHERE total > 10;
INSERT INTO jobs VALUES (1, 7);
