-- after MariaDB's INVISIBLE column attribute: a column left out of SELECT * is not a visible one
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL, attempts int NULL INVISIBLE);
