-- a scratch namespace left behind in the current database only
CREATE TABLE jobs (id bigint PRIMARY KEY);
CREATE SCHEMA scratch;
CREATE TABLE scratch.copy_of_jobs (id bigint);
INSERT INTO jobs VALUES (3);
