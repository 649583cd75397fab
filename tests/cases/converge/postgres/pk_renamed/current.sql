CREATE TABLE jobs (id bigint, CONSTRAINT jobs_pk PRIMARY KEY (id));
INSERT INTO jobs VALUES (1);
