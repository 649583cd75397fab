-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml ForeignKeyNormalizeRestrict (adapted to MariaDB 10.11)
CREATE TABLE `groups` (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY);
CREATE TABLE users (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, group_id BIGINT NOT NULL, KEY fk_users_groups (group_id),
  CONSTRAINT fk_users_groups FOREIGN KEY (group_id) REFERENCES `groups` (id) ON DELETE RESTRICT ON UPDATE CASCADE);
