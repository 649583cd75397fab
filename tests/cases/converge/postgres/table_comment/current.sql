CREATE TABLE jobs (id bigint PRIMARY KEY, name text);
COMMENT ON TABLE jobs IS 'Old text.';
