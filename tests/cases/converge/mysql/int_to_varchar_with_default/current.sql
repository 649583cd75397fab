CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, code int DEFAULT 0);
INSERT INTO jobs VALUES (1, 5), (2, 0);
