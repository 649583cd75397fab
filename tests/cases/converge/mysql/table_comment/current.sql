CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, name varchar(40)) COMMENT='Old text.';
