-- after stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_table_cases_test.go (Enable RLS of parent and children)
CREATE TABLE foobar(id INT, foo VARCHAR(255), PRIMARY KEY (foo, id)) PARTITION BY LIST (foo);
ALTER TABLE foobar ENABLE ROW LEVEL SECURITY;
ALTER TABLE foobar FORCE ROW LEVEL SECURITY;
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
ALTER TABLE foobar_1 ENABLE ROW LEVEL SECURITY;
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
ALTER TABLE foobar_2 FORCE ROW LEVEL SECURITY;
