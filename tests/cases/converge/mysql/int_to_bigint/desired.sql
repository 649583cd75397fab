CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, attempts bigint NOT NULL DEFAULT 0);
