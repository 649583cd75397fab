-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml CreateTableRemoveAutoIncrementPrimaryKeyMariaDB (adapted to MariaDB 10.11)
CREATE TABLE friends (id bigint(20) NOT NULL AUTO_INCREMENT PRIMARY KEY, created_at datetime NOT NULL);
INSERT INTO friends (created_at) VALUES ('2020-01-01');
