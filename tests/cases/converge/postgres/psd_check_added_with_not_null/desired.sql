-- after stripe/pg-schema-diff internal/migration_acceptance_tests/check_constraint_cases_test.go
CREATE TABLE jobs (id int PRIMARY KEY, attempts int NOT NULL, max_attempts int NOT NULL, CONSTRAINT jobs_attempts_check CHECK (attempts <= max_attempts AND attempts >= 0));
