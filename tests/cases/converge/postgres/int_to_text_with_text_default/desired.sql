CREATE TABLE jobs (id bigint PRIMARY KEY, code text DEFAULT 'none');
