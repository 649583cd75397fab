CREATE TABLE jobs (id bigint PRIMARY KEY, name varchar(50) NOT NULL);
