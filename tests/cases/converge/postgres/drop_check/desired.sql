CREATE TABLE jobs (id bigint PRIMARY KEY, total integer NOT NULL);
