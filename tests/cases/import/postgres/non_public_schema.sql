CREATE SCHEMA IF NOT EXISTS queue;
CREATE SCHEMA audit_log;
CREATE TABLE queue.jobs (
    id bigint PRIMARY KEY,
    status text NOT NULL DEFAULT 'new'
);
CREATE TABLE audit_log.entries (
    id bigint PRIMARY KEY,
    job_id bigint NOT NULL REFERENCES queue.jobs (id),
    message text
);
CREATE INDEX entries_job ON audit_log.entries (job_id);
COMMENT ON TABLE queue.jobs IS 'Jobs in their own schema.';
