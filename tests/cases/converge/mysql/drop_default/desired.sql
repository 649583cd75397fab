CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, priority int NOT NULL);
