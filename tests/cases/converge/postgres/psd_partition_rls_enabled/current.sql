-- after stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_table_cases_test.go (Enable RLS of parent and children)
CREATE TABLE foobar(id INT, foo VARCHAR(255), PRIMARY KEY (foo, id)) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
