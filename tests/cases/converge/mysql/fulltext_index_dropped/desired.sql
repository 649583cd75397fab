-- a FULLTEXT key the schema does not have
CREATE TABLE job_logs (id bigint NOT NULL PRIMARY KEY, line text NOT NULL);
