-- after stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go
CREATE TABLE foobar (id int PRIMARY KEY, foo varchar(255), bar bigint, CHECK (bar > id), CHECK (bar IS NOT NULL), CHECK (bar > 0));
INSERT INTO foobar VALUES (1, 'a', 2);
