-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml CreateTableRemoveAutoIncrementMariaDB (adapted to MariaDB 10.11)
CREATE TABLE users (id bigint(20) NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(20));
INSERT INTO users (name) VALUES ('a');
