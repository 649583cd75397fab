CREATE TABLE jobs (id bigint PRIMARY KEY, updated_at timestamptz);
