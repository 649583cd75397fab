-- after stripe/pg-schema-diff internal/migration_acceptance_tests/foreign_key_constraint_cases_test.go
CREATE TABLE queues (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE jobs (id int PRIMARY KEY, queue_name text);
INSERT INTO queues VALUES (1, 'default');
INSERT INTO jobs VALUES (1, 'default');
