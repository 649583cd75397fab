-- after atlas internal/integration/testdata/postgres/index-type-brin.txt
CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
CREATE INDEX events_created_idx ON events (created_at);
