CREATE TABLE runs (id int PRIMARY KEY, started_at timestamptz NOT NULL, worker text NOT NULL);
CREATE INDEX runs_recent_idx ON runs (started_at DESC, worker);
