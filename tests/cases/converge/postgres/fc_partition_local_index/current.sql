-- an index of one partition only, and one another partition has otherwise
CREATE TABLE events (id bigint NOT NULL, created date NOT NULL, kind text) PARTITION BY RANGE (created);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX events_2025_kind ON events_2025 (kind);
