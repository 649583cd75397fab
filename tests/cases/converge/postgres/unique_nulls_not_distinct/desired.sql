CREATE TABLE jobs (id bigint PRIMARY KEY, code text, CONSTRAINT jobs_code_key UNIQUE NULLS NOT DISTINCT (code));
