-- the same archive namespace on both sides, but its queue table logs full rows here
CREATE TABLE jobs (id bigint PRIMARY KEY);
CREATE SCHEMA archive;
CREATE TABLE archive.done_jobs (id bigint PRIMARY KEY, finished_at timestamptz);
ALTER TABLE archive.done_jobs REPLICA IDENTITY FULL;
CREATE SEQUENCE archive.batch_ids CYCLE MAXVALUE 500;
INSERT INTO jobs VALUES (7);
