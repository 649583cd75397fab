CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, total int NOT NULL);
INSERT INTO jobs VALUES (1, 0), (2, 4);
