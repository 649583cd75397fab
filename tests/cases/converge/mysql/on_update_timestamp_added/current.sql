CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, updated_at timestamp NULL DEFAULT NULL);
