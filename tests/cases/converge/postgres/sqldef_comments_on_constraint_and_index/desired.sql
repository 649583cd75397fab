-- after sqldef/sqldef testdata (COMMENT ON)
CREATE TABLE jobs (id int PRIMARY KEY, status text CONSTRAINT jobs_status_check CHECK (status <> ''));
CREATE INDEX jobs_status_idx ON jobs (status);
COMMENT ON TABLE jobs IS 'work items';
COMMENT ON INDEX jobs_status_idx IS 'poll by status';
COMMENT ON CONSTRAINT jobs_status_check ON jobs IS 'no empty status';
