-- after stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go
CREATE TABLE foobar (id int PRIMARY KEY, foo varchar(255), bar int);
INSERT INTO foobar VALUES (1, 'a', 2);
