CREATE TABLE jobs (id bigint PRIMARY KEY, code text NOT NULL);
