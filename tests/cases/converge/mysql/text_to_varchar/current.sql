CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name text);
INSERT INTO jobs VALUES (1, 'short');
