-- after stripe/pg-schema-diff internal/migration_acceptance_tests/policy_cases_test.go
CREATE TABLE tasks (id int PRIMARY KEY, tenant_id int NOT NULL, owner text);
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON tasks FOR SELECT TO PUBLIC USING (tenant_id = current_setting('app.tenant', true)::int);
