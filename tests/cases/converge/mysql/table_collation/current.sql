CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(100) NOT NULL) DEFAULT CHARSET=latin1;
INSERT INTO jobs VALUES (1, 'import');
