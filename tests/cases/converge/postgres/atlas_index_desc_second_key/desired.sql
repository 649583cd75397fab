-- after atlas internal/integration/testdata/postgres/index-desc.txt (2 -> 3)
CREATE TABLE users (rank int NOT NULL, score int);
CREATE INDEX rank_score_idx ON users (rank, score DESC);
