-- after atlas internal/integration/testdata/mysql/column-bool.txt (bool, boolean and tinyint(1) are one type)
CREATE TABLE switches (id int PRIMARY KEY, a tinyint(1) NOT NULL, b bool NOT NULL, c boolean NOT NULL);
