CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(100));
INSERT INTO jobs VALUES (1, 'a'), (2, 'b');
