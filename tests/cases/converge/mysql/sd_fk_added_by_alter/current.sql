-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml AddForeignKeyWithAlter (adapted to MariaDB 10.11)
CREATE TABLE users (id BIGINT PRIMARY KEY);
CREATE TABLE posts (content text, user_id bigint);
