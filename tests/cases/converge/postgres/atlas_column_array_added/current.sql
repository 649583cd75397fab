-- after atlas internal/integration/testdata/postgres/column-array.txtar
CREATE TABLE jobs (id int PRIMARY KEY);
INSERT INTO jobs VALUES (1);
