CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, total int NOT NULL, CONSTRAINT total_ok CHECK (total >= 0));
