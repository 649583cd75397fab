CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, code varchar(10) DEFAULT 'none');
