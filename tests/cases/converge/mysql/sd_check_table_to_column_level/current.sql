-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml CheckTableLevelToColumnLevel (adapted to MariaDB 10.11)
CREATE TABLE orders (id int PRIMARY KEY, status varchar(20), CONSTRAINT orders_status_chk CHECK (status IN ('pending', 'shipped', 'delivered')));
INSERT INTO orders VALUES (1, 'pending');
