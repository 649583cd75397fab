-- after stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_table_cases_test.go (Alter replica identity of parent and children)
CREATE TABLE foobar(id INT, foo VARCHAR(255), PRIMARY KEY (foo, id)) PARTITION BY LIST (foo);
ALTER TABLE foobar REPLICA IDENTITY FULL;
CREATE TABLE foobar_1 PARTITION OF foobar FOR VALUES IN ('foo_1');
ALTER TABLE foobar_1 REPLICA IDENTITY NOTHING;
CREATE TABLE foobar_2 PARTITION OF foobar FOR VALUES IN ('foo_2');
CREATE TABLE foobar_3 PARTITION OF foobar FOR VALUES IN ('foo_3');
