-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml CheckRowValueConstructorOuterOrderShouldMatch (adapted to MariaDB 10.11)
CREATE TABLE test_outer (col_a int, col_b int, CONSTRAINT test_outer_chk CHECK ((col_a, col_b) IN ((3, 4), (1, 2))));
