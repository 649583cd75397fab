-- an IGNORED index on both sides: equal, so clean
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL, KEY jobs_status_idx (status) IGNORED);
