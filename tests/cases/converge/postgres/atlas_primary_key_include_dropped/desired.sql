-- after atlas internal/integration/testdata/postgres/primary-key.txtar (INCLUDE columns dropped, key kept)
CREATE TABLE leases (lease_id bigint NOT NULL, holder text, CONSTRAINT leases_key PRIMARY KEY (lease_id));
