CREATE TABLE markers ();
CREATE TABLE jobs (id bigint PRIMARY KEY);
