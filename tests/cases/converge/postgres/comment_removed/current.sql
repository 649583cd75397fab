CREATE TABLE jobs (id bigint PRIMARY KEY, name text);
COMMENT ON COLUMN jobs.name IS 'Obsolete note.';
