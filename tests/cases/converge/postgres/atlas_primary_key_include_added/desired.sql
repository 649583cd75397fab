-- after atlas internal/integration/testdata/postgres/primary-key.txtar (INCLUDE columns of the key)
CREATE TABLE leases (lease_id bigint NOT NULL, holder text, expires_at timestamptz,
                     PRIMARY KEY (lease_id) INCLUDE (holder, expires_at));
