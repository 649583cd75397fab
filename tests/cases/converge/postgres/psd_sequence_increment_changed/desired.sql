-- after stripe/pg-schema-diff internal/migration_acceptance_tests/sequence_cases_test.go
CREATE SEQUENCE job_numbers INCREMENT BY 5;
CREATE TABLE jobs (id int PRIMARY KEY, number bigint DEFAULT nextval('job_numbers'));
