CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY);
CREATE TABLE old_jobs (id bigint NOT NULL PRIMARY KEY, payload text);
INSERT INTO jobs VALUES (1);
INSERT INTO old_jobs VALUES (1, 'x');
