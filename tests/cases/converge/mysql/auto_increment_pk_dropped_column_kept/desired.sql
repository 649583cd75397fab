CREATE TABLE jobs (id bigint NOT NULL, name varchar(40));
