CREATE TABLE jobs (id bigint PRIMARY KEY, code text NOT NULL, CONSTRAINT jobs_code_key UNIQUE (code));
