CREATE TABLE jobs (id bigint PRIMARY KEY, name text NOT NULL, priority integer NOT NULL DEFAULT 0);
