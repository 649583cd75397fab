-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml RemoveDefaultExpressionMariaDB (adapted to MariaDB 10.11)
CREATE TABLE users (id BIGINT PRIMARY KEY, data LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin CHECK (json_valid(data)));
