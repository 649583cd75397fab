CREATE TABLE jobs (id bigint NOT NULL, name varchar(40));
INSERT INTO jobs VALUES (1, 'a'), (5, 'b');
