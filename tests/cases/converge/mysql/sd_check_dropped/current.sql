-- from sqldef/sqldef cmd/mysqldef/tests_mariadb.yml DropCheckConstraintMariaDB (adapted to MariaDB 10.11)
CREATE TABLE quote_sections (id int PRIMARY KEY, service_period_start date, service_period_end date,
  CONSTRAINT chk_quote_sections_service_period CHECK (service_period_end >= service_period_start));
