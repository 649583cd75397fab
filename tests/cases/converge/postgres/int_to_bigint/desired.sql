CREATE TABLE jobs (id bigint PRIMARY KEY, attempts bigint NOT NULL DEFAULT 0);
