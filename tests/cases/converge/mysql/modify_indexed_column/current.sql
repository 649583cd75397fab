CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'new', KEY jobs_status_idx (status));
INSERT INTO jobs VALUES (1, 'new');
