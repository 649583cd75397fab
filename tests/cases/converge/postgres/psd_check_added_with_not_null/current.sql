-- after stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go
CREATE TABLE jobs (id int PRIMARY KEY, attempts int, max_attempts int);
INSERT INTO jobs VALUES (1, 0, 3), (2, 1, 5);
