-- after Vitess schemadiff generated-column cases: STORED becomes VIRTUAL (MariaDB cannot change it in place)
CREATE TABLE jobs (id bigint NOT NULL PRIMARY KEY, total int NOT NULL, done int NOT NULL, remaining int AS (total - done) STORED, note varchar(10));
INSERT INTO jobs (id, total, done, note) VALUES (1, 10, 4, 'a');
