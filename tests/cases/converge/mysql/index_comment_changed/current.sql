-- after Skeema's index comment tests: an index comment is part of the key's definition
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL, KEY jobs_status_idx (status) COMMENT 'old');
