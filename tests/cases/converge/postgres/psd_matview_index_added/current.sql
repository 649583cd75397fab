-- after stripe/pg-schema-diff internal/migration_acceptance_tests/materialized_view_index_cases_test.go
CREATE TABLE jobs (id int PRIMARY KEY, status text NOT NULL);
CREATE MATERIALIZED VIEW job_counts AS SELECT status, count(*) AS n FROM jobs GROUP BY status;
