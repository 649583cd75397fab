CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, code varchar(20) NOT NULL);
