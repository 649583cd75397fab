CREATE TABLE jobs (id bigint PRIMARY KEY, created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'utc'));
