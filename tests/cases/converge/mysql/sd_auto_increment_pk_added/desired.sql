-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml CreateTableAddAutoIncrementPrimaryKeyMariaDB (adapted to MariaDB 10.11)
CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT, name varchar(20), PRIMARY KEY (id));
