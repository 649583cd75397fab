-- after atlas internal/integration/testdata/postgres/index-operator-class.txt
CREATE TABLE jobs (id int PRIMARY KEY, name varchar(100));
CREATE INDEX jobs_name_idx ON jobs (name);
