CREATE TYPE job_state AS ENUM ('queued', 'running', 'done');
CREATE SCHEMA "Enum NS";
CREATE TYPE "Enum NS"."Job.Mood" AS ENUM ('it''s', 'a b', 'x-y', 'p/q', 'say "hi"', 'Mixed Case');
CREATE TYPE Tag_Kind AS ENUM ('red', 'green', 'blue');
CREATE TYPE never_used AS ENUM ('x'); -- expect: unmanaged
CREATE TABLE state_jobs (
    id integer PRIMARY KEY,
    state job_state NOT NULL DEFAULT 'queued',
    mood "Enum NS"."Job.Mood" DEFAULT 'a b'::"Enum NS"."Job.Mood",
    tags tag_kind[] NOT NULL DEFAULT '{}',
    tag tag_kind
);
CREATE TABLE state_history (
    id integer PRIMARY KEY,
    old_state job_state,
    new_state job_state NOT NULL
);
