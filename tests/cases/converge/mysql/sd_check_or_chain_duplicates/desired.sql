-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml CheckDuplicateValuesInOrChain (adapted to MariaDB 10.11)
CREATE TABLE items (id int PRIMARY KEY, category varchar(20), CONSTRAINT items_category_chk CHECK (category IN ('electronics', 'clothing')));
