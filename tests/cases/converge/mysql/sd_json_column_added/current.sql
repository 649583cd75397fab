-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml AddColumnWithDefaultExpressionMariaDB (adapted to MariaDB 10.11)
CREATE TABLE users (id BIGINT PRIMARY KEY);
INSERT INTO users VALUES (1);
