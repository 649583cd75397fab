CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, code varchar(20) CHARACTER SET latin1 NOT NULL);
INSERT INTO jobs VALUES (1, 'abc');
