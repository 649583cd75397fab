CREATE TABLE jobs (id bigint PRIMARY KEY);
CREATE SCHEMA archive;
CREATE TABLE archive.done_jobs (id bigint PRIMARY KEY, finished_at timestamptz);
CREATE SEQUENCE archive.batch_ids NO CYCLE MAXVALUE 500;
