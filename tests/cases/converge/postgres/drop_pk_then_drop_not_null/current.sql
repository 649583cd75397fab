CREATE TABLE jobs (id bigint NOT NULL, name text, CONSTRAINT jobs_pkey PRIMARY KEY (id));
INSERT INTO jobs VALUES (1, 'a');
