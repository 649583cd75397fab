CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE jobs (id bigint PRIMARY KEY);
