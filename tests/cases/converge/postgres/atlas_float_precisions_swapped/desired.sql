-- after atlas internal/integration/testdata/postgres/column-float.txtar (float(n) names real up to 24 bits and double precision above)
CREATE TABLE readings (id int PRIMARY KEY, low float(30) NOT NULL, high float(10) NOT NULL);
