CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(200) NOT NULL);
INSERT INTO jobs VALUES (1, 'import');
