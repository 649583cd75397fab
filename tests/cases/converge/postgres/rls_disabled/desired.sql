CREATE TABLE jobs (id bigint PRIMARY KEY, tenant text NOT NULL);
