-- a partition's own CHECK changed, a parent CHECK reaches every partition
CREATE TABLE events (id bigint NOT NULL, created date NOT NULL, kind text) PARTITION BY RANGE (created);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE events_2024 ADD CONSTRAINT events_2024_id CHECK (id > 0);
