-- the desired primary key is built on the unique index the table already has, under its name
CREATE TABLE workers (host text NOT NULL);
CREATE UNIQUE INDEX workers_host_key_idx ON workers (host);
INSERT INTO workers VALUES ('a'), ('b');
