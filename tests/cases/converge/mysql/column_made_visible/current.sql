-- an INVISIBLE column the schema makes visible again
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, attempts int NULL INVISIBLE, note varchar(10) INVISIBLE DEFAULT 'x');
INSERT INTO jobs (id, attempts) VALUES (1, 2);
