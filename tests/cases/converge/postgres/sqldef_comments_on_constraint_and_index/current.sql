-- after sqldef/sqldef testdata (COMMENT ON)
CREATE TABLE jobs (id int PRIMARY KEY, status text CONSTRAINT jobs_status_check CHECK (status <> ''));
CREATE INDEX jobs_status_idx ON jobs (status);
