CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, total int NOT NULL, CONSTRAINT jobs_total_range CHECK (total >= 0));
INSERT INTO jobs VALUES (1, 5);
