CREATE TABLE jobs (id bigint PRIMARY KEY, status text NOT NULL);
CREATE INDEX idx_status ON jobs (status);
