-- after atlas internal/integration/testdata/postgres/column-float.txtar (float(n) names real up to 24 bits and double precision above)
CREATE TABLE readings (id int PRIMARY KEY, low float(10) NOT NULL, high float(30) NOT NULL);
INSERT INTO readings VALUES (1, 1.5, 2.25);
