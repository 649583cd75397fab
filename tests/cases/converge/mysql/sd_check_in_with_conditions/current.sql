-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml CheckInClauseWithMultipleConditions (adapted to MariaDB 10.11)
CREATE TABLE items (id int PRIMARY KEY, category varchar(50), priority int);
