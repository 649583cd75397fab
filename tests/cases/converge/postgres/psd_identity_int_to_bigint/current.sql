-- after stripe/pg-schema-diff internal/migration_acceptance_tests/column_cases_test.go (int -> bigint)
CREATE TABLE jobs (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
INSERT INTO jobs (name) VALUES ('a'), ('b');
