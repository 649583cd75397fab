CREATE TABLE jobs (id bigint, name text);
