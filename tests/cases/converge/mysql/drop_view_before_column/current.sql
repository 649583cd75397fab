CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, legacy_code varchar(20), name varchar(40));
CREATE VIEW job_names AS SELECT id, name, legacy_code FROM jobs;
INSERT INTO jobs VALUES (1, 'x', 'a');
