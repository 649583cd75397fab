-- a live UNIQUE constraint the schema does not declare is drift, not silence
CREATE TABLE jobs (id bigint PRIMARY KEY, code text NOT NULL, CONSTRAINT jobs_code_key UNIQUE (code));
INSERT INTO jobs VALUES (1, 'a');
