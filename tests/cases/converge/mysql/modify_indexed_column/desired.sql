CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(40) NOT NULL DEFAULT 'new', KEY jobs_status_idx (status));
