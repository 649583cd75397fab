-- after stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go
CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE SQL IMMUTABLE RETURNS NULL ON NULL INPUT RETURN a + b;
CREATE TABLE foobar (id int PRIMARY KEY, foo varchar(255), bar int);
ALTER TABLE foobar ADD CONSTRAINT some_constraint CHECK (add(bar, id) > 0);
