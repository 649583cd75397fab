-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml CheckTableLevelToColumnLevel (adapted to MariaDB 10.11)
CREATE TABLE orders (id int PRIMARY KEY, status varchar(20) CHECK (status IN ('pending', 'shipped', 'delivered')));
