CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, created_at datetime NOT NULL, KEY jobs_created_idx (created_at));
