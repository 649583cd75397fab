-- after stripe/pg-schema-diff internal/migration_acceptance_tests/partitioned_table_cases_test.go (Create partitioned table with local primary keys and RLS enabled locally)
CREATE TABLE other (id int);
CREATE TABLE "Foobar"(id INT, fizz SERIAL, foo VARCHAR(255), bar TEXT, CHECK ( fizz > 0 )) PARTITION BY LIST (foo);
CREATE TABLE "FOOBAR_1" PARTITION OF "Foobar"(foo NOT NULL, bar NOT NULL, PRIMARY KEY (foo, id)) FOR VALUES IN ('foo_1');
ALTER TABLE "FOOBAR_1" ENABLE ROW LEVEL SECURITY;
CREATE TABLE foobar_2 PARTITION OF "Foobar"(PRIMARY KEY (foo, bar)) FOR VALUES IN ('foo_2');
ALTER TABLE foobar_2 FORCE ROW LEVEL SECURITY;
CREATE TABLE foobar_3 PARTITION OF "Foobar"(PRIMARY KEY (foo, fizz), UNIQUE (foo, bar)) FOR VALUES IN ('foo_3');
CREATE UNIQUE INDEX foobar_unique_idx ON "Foobar"(foo, bar);
CREATE INDEX foobar_1_local_idx ON "FOOBAR_1"(foo);
CREATE UNIQUE INDEX foobar_2_local_unique_idx ON foobar_2(foo);
CREATE TABLE foobar_fk(foo VARCHAR(255), bar TEXT) PARTITION BY LIST (foo);
CREATE TABLE foobar_fk_1 PARTITION OF foobar_fk FOR VALUES IN ('foo_1');
CREATE UNIQUE INDEX foobar_fk_unique_idx ON foobar_fk(foo, bar);
CREATE UNIQUE INDEX foobar_1_local_unique_idx ON foobar_fk_1(foo);
ALTER TABLE foobar_fk ADD CONSTRAINT foobar_fk_fk FOREIGN KEY (foo, bar) REFERENCES "Foobar"(foo, bar);
ALTER TABLE "Foobar" ADD CONSTRAINT foobar_fk FOREIGN KEY (foo, bar) REFERENCES foobar_fk(foo, bar);
ALTER TABLE foobar_fk_1 ADD CONSTRAINT foobar_fk_1_fk FOREIGN KEY (foo) REFERENCES foobar_2(foo);
ALTER TABLE "FOOBAR_1" ADD CONSTRAINT foobar_1_fk FOREIGN KEY (foo) REFERENCES foobar_fk_1(foo);
