-- after atlas internal/integration/testdata/mysql/column-bool.txt (tinyint(1) becomes tinyint)
CREATE TABLE switches (id int PRIMARY KEY, on_off tinyint(1) NOT NULL);
INSERT INTO switches VALUES (1, 1);
