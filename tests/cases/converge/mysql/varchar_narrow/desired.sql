CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(50) NOT NULL);
