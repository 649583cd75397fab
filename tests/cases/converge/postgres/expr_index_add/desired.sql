CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL);
CREATE INDEX events_key_idx ON events ((payload ->> 'key')) INCLUDE (id) WHERE payload ? 'key';
