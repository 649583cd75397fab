CREATE TABLE events (id bigint PRIMARY KEY, happened timestamptz NOT NULL);
