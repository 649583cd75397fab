-- only the sort direction of the index's first column changes
CREATE TABLE runs (id int PRIMARY KEY, started_at timestamptz NOT NULL, worker text NOT NULL);
CREATE INDEX runs_recent_idx ON runs (started_at, worker);
INSERT INTO runs VALUES (1, '2024-01-01', 'w');
