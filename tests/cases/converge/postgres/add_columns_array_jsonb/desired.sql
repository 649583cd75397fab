CREATE TABLE jobs (id bigint PRIMARY KEY, tags text[] NOT NULL DEFAULT '{}', meta jsonb NOT NULL DEFAULT '{}'::jsonb, scores integer[]);
