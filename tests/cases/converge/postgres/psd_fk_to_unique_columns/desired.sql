-- after stripe/pg-schema-diff internal/migration_acceptance_tests/foreign_key_constraint_cases_test.go
CREATE TABLE queues (id int PRIMARY KEY, name text NOT NULL CONSTRAINT queues_name_key UNIQUE);
CREATE TABLE jobs (id int PRIMARY KEY, queue_name text CONSTRAINT jobs_queue_fk REFERENCES queues (name) ON DELETE RESTRICT);
