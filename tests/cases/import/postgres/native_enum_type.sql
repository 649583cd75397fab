CREATE TYPE job_state AS ENUM ('queued', 'running', 'done'); -- expect: note
CREATE TABLE state_jobs (
    id integer PRIMARY KEY,
    state job_state NOT NULL DEFAULT 'queued'
);
