-- after stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go
CREATE TABLE foobar ("ID" int PRIMARY KEY, foo varchar(255), "Bar" bigint);
INSERT INTO foobar VALUES (2, 'a', 1);
