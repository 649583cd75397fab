-- a table outside the module's namespace is not the module's business on either side
CREATE SCHEMA audit_log;
CREATE TABLE audit_log.entries (id bigint PRIMARY KEY);
CREATE TABLE jobs (id bigint PRIMARY KEY);
