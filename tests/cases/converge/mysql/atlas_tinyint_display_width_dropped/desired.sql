-- after atlas internal/integration/testdata/mysql/column-bool.txt (tinyint(1) becomes tinyint)
CREATE TABLE switches (id int PRIMARY KEY, on_off tinyint NOT NULL);
