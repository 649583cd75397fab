-- the view reading the dropped column is dropped first and recreated without it
CREATE TABLE jobs (id bigint PRIMARY KEY, legacy_code text, name text);
CREATE VIEW job_names AS SELECT id, name, legacy_code FROM jobs;
INSERT INTO jobs VALUES (1, 'x', 'a');
