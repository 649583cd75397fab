-- after atlas internal/integration/testdata/postgres/primary-key.txtar (INCLUDE columns dropped, key kept)
CREATE TABLE leases (lease_id bigint NOT NULL, holder text, CONSTRAINT leases_key PRIMARY KEY (lease_id) INCLUDE (holder));
INSERT INTO leases VALUES (1, 'worker-a'), (2, NULL);
