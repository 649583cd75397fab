-- the partition key changes from HASH to RANGE on another column, with rows and a partition-level index
CREATE TABLE metrics (id bigint NOT NULL, taken date NOT NULL, value double precision) PARTITION BY RANGE (taken);
CREATE TABLE metrics_2024 PARTITION OF metrics FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE metrics_later PARTITION OF metrics FOR VALUES FROM ('2025-01-01') TO (MAXVALUE);
CREATE INDEX metrics_taken_idx ON metrics (taken);
CREATE INDEX metrics_later_value_idx ON metrics_later (value);
