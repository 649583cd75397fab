-- after atlas internal/integration/testdata/mysql/column-generated.txt (a VIRTUAL generated column becomes
-- a plain one: it holds no values to keep, MariaDB cannot change it in place)
CREATE TABLE prices (id int NOT NULL PRIMARY KEY, euros int NOT NULL, cents int NULL);
