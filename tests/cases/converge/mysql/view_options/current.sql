CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL);
CREATE VIEW job_states AS SELECT id, status FROM jobs;
