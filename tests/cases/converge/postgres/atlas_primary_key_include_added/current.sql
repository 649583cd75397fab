-- after atlas internal/integration/testdata/postgres/primary-key.txtar (INCLUDE columns of the key)
CREATE TABLE leases (lease_id bigint NOT NULL, holder text, expires_at timestamptz, PRIMARY KEY (lease_id));
INSERT INTO leases VALUES (1, 'worker-a', '2024-05-01 10:00+00'), (2, NULL, NULL);
