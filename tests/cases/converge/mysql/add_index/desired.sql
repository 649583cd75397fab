CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL, created_at datetime NOT NULL, KEY jobs_status_created_idx (status, created_at));
