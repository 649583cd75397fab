-- after atlas internal/integration/testdata/postgres/index-type.txt (hash and gin indexes become btree ones of the same names)
CREATE TABLE payloads (name text NOT NULL, body jsonb);
CREATE INDEX payloads_name ON payloads USING hash (name);
CREATE INDEX payloads_body ON payloads USING gin (body);
INSERT INTO payloads VALUES ('a', '{"k": 1}');
