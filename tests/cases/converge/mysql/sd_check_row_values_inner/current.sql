-- from sqldef/sqldef cmd/mysqldef/tests_constraints.yml CheckRowValueConstructorMultipleInnerValues (adapted to MariaDB 10.11)
CREATE TABLE test_multi (col_a int, col_b int, CONSTRAINT test_multi_chk CHECK ((col_a, col_b) IN ((3, 1), (2, 4))));
