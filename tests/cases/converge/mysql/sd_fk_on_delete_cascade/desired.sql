-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml CreateTableForeignKeyWithOptions (adapted to MariaDB 10.11)
CREATE TABLE users (id BIGINT PRIMARY KEY);
CREATE TABLE posts (content text, user_id bigint, CONSTRAINT posts_ibfk_1 FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
