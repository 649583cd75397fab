-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml ConstraintCheck (adapted to MariaDB 10.11)
CREATE TABLE books (id int(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY, type VARCHAR(255) NOT NULL);
