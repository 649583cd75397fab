CREATE TABLE job_tags (job_id bigint NOT NULL, tag varchar(40) NOT NULL, PRIMARY KEY (job_id, tag));
