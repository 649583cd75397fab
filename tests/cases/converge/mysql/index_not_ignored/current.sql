-- after Vitess schemadiff table_test.go "key made visible" (MariaDB spells it IGNORED)
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, status varchar(20) NOT NULL, KEY jobs_status_idx (status) IGNORED);
