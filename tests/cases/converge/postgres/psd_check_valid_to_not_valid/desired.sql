-- after stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go
CREATE TABLE foobar (id int PRIMARY KEY, foo varchar(255), bar bigint);
ALTER TABLE foobar ADD CONSTRAINT bar_check CHECK (bar > id) NOT VALID;
