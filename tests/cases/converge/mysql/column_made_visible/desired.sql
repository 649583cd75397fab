-- an INVISIBLE column the schema makes visible again
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, attempts int NULL, note varchar(10) INVISIBLE DEFAULT 'x');
