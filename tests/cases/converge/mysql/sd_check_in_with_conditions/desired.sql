-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml CheckInClauseWithMultipleConditions (adapted to MariaDB 10.11)
CREATE TABLE items (id int PRIMARY KEY, category varchar(50), priority int,
  CONSTRAINT items_chk CHECK (category IN ('electronics', 'clothing', 'food') AND priority >= 1 AND priority <= 5),
  CONSTRAINT items_neg CHECK (category NOT IN ('deleted', 'spam')));
