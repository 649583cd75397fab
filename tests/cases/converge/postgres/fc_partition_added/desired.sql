-- a partition added to an existing partitioned table
CREATE TABLE events (id bigint NOT NULL, created date NOT NULL, kind text, PRIMARY KEY (id, created)) PARTITION BY RANGE (created);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_default PARTITION OF events DEFAULT;
