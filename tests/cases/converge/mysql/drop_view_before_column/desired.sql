CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(40));
CREATE VIEW job_names AS SELECT id, name FROM jobs;
