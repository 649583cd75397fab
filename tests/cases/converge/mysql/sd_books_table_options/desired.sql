-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml ConstraintCheck (adapted to MariaDB 10.11)
CREATE TABLE books (id int(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY, type VARCHAR(255) NOT NULL COMMENT 'manga, novel',
  created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP, updated_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  deleted_at datetime DEFAULT null, CONSTRAINT books_type_chk CHECK (type IN ('manga', 'novel'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
