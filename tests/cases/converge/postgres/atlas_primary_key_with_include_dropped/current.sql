-- after atlas internal/integration/testdata/postgres/primary-key.txtar (a primary key with INCLUDE columns is
-- dropped altogether: nothing is left to rebuild without them)
CREATE TABLE leases (lease_id bigint NOT NULL, holder text, PRIMARY KEY (lease_id) INCLUDE (holder));
INSERT INTO leases VALUES (1, 'worker-a'), (2, NULL);
