CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(255) NOT NULL, KEY jobs_name_idx (name(20)));
