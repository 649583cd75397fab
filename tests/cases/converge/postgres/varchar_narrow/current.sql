-- narrowing a type is destructive even when the rows fit
CREATE TABLE jobs (id bigint PRIMARY KEY, name varchar(200) NOT NULL);
INSERT INTO jobs VALUES (1, 'import');
