-- a queue table gains a UTC stamp whose default converts the clock to a zone, and a new table declares one
-- too: the server only accepts such a default in parentheses, and reads it back without them
CREATE TABLE outbox (
    id bigint PRIMARY KEY,
    topic text NOT NULL,
    queued_local timestamp DEFAULT (localtimestamp AT TIME ZONE 'Europe/Paris'),
    queued_utc timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);
CREATE TABLE outbox_dead (
    id bigint PRIMARY KEY,
    died_at timestamp NOT NULL DEFAULT (CURRENT_TIMESTAMP AT TIME ZONE 'UTC')
);
