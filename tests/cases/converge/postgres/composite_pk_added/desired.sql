CREATE TABLE job_tags (job_id bigint NOT NULL, tag text NOT NULL, CONSTRAINT job_tags_pkey PRIMARY KEY (job_id, tag));
