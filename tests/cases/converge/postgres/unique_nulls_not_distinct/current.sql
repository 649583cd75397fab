CREATE TABLE jobs (id bigint PRIMARY KEY, code text, CONSTRAINT jobs_code_key UNIQUE (code));
INSERT INTO jobs VALUES (1, 'a'), (2, NULL);
