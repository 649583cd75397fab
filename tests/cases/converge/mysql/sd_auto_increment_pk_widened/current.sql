-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml CreateTableWithAutoIncrementPrimaryKeyAndAddMorePrimaryKeyMariaDB (adapted to MariaDB 10.11)
CREATE TABLE friends (id bigint(20) NOT NULL AUTO_INCREMENT, other_id bigint(20) NOT NULL, created_at datetime NOT NULL, PRIMARY KEY (id));
INSERT INTO friends (other_id, created_at) VALUES (3, '2020-01-01');
