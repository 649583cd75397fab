CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status enum('queued','running','done') NOT NULL);
