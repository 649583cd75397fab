-- what inspect writes for an expression index with INCLUDE and a predicate must audit equal to itself
CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL);
CREATE INDEX events_key_idx ON events ((payload ->> 'key')) INCLUDE (id) WHERE payload ? 'key';
