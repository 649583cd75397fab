CREATE TABLE jobs (id bigint NOT NULL, name text, CONSTRAINT jobs_pkey PRIMARY KEY (id));
