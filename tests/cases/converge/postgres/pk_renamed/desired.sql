CREATE TABLE jobs (id bigint, CONSTRAINT jobs_pkey PRIMARY KEY (id));
