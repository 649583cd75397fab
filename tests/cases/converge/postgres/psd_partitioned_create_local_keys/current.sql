-- after stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_table_cases_test.go (Create partitioned table with local primary keys and RLS enabled locally)
CREATE TABLE other (id int);
