CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, code varchar(40) NOT NULL);
INSERT INTO jobs VALUES (1, 'a'), (2, 'b');
