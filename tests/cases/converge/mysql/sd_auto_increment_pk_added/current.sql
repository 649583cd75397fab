-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml CreateTableAddAutoIncrementPrimaryKeyMariaDB (adapted to MariaDB 10.11)
CREATE TABLE users (name varchar(20));
