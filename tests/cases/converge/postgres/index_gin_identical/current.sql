CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb NOT NULL, tags text[]);
CREATE INDEX events_payload_idx ON events USING gin (payload jsonb_path_ops);
CREATE INDEX events_tags_idx ON events USING gin (tags);
