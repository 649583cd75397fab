CREATE TABLE jobs (id bigint PRIMARY KEY);
CREATE TABLE markers ();
