CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, code varchar(40) NOT NULL);
