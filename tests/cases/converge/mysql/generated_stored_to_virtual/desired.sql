-- after Vitess schemadiff generated-column cases: STORED becomes VIRTUAL (MariaDB cannot change it in place)
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, total int NOT NULL, done int NOT NULL, remaining int AS (total - done) VIRTUAL, note varchar(10));
