CREATE TABLE jobs (name varchar(40));
INSERT INTO jobs VALUES ('a'), ('b');
