CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(100) NOT NULL);
