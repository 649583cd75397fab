CREATE SCHEMA audit_log;
CREATE TABLE audit_log.entries (id bigint PRIMARY KEY);
CREATE TABLE jobs (id bigint PRIMARY KEY, name text);
