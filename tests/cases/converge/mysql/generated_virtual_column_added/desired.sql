-- after Vitess schemadiff table_test.go generated-column cases: a VIRTUAL column is not a STORED one
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, total int NOT NULL, done int NOT NULL, remaining int AS (total - done) VIRTUAL);
