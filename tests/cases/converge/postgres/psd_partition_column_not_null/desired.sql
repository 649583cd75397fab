-- after stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_table_cases_test.go (partition column NOT NULL of its own)
CREATE TABLE foobar(id INT, foo VARCHAR(255), bar TEXT, PRIMARY KEY (foo, id)) PARTITION BY LIST (foo);
CREATE TABLE foobar_1 PARTITION OF foobar (bar NOT NULL DEFAULT 'x') FOR VALUES IN ('foo_1');
