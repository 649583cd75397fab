CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL);
CREATE VIEW job_totals AS SELECT id, total FROM jobs;
INSERT INTO jobs VALUES (1, 7);
