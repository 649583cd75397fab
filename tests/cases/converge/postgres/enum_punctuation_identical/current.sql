-- labels with quotes, spaces, dashes and slashes round-trip through inspect
CREATE TYPE job_status AS ENUM ('it''s queued', 'in progress', 'half-done', 'done/archived');
CREATE TABLE jobs (id bigint PRIMARY KEY, status job_status NOT NULL DEFAULT 'in progress');
