CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(255) NOT NULL, body text, KEY jobs_name_idx (name(20)), KEY jobs_body_idx (body(50)));
