CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, priority int NOT NULL DEFAULT 0, flag tinyint(1) NOT NULL DEFAULT 0);
