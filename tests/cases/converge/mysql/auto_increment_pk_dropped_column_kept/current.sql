CREATE TABLE jobs (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(40));
INSERT INTO jobs (name) VALUES ('a'), ('b');
