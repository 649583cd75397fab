CREATE TABLE jobs (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
