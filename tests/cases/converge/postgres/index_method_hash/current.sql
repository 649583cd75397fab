CREATE TABLE jobs (id bigint PRIMARY KEY, token text NOT NULL);
CREATE INDEX jobs_token_idx ON jobs (token);
