-- the partition key changes from HASH to RANGE on another column, with rows and a partition-level index
CREATE TABLE metrics (id bigint NOT NULL, taken date NOT NULL, value double precision) PARTITION BY HASH (id);
CREATE TABLE metrics_h0 PARTITION OF metrics FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE metrics_h1 PARTITION OF metrics FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE INDEX metrics_taken_idx ON metrics (taken);
INSERT INTO metrics VALUES (1, '2024-02-01', 1.5), (2, '2025-03-01', 2.5), (3, '2025-04-01', NULL);
