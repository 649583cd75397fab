-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml CreateTableRemoveAutoIncrementPrimaryKeyMariaDB (adapted to MariaDB 10.11)
CREATE TABLE friends (created_at datetime NOT NULL);
