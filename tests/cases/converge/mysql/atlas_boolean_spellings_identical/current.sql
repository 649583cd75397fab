-- after atlas internal/integration/testdata/mysql/column-bool.txt (bool, boolean and tinyint(1) are one type)
CREATE TABLE switches (id int PRIMARY KEY, a bool NOT NULL, b boolean NOT NULL, c tinyint(1) NOT NULL);
INSERT INTO switches VALUES (1, 1, 0, 1);
