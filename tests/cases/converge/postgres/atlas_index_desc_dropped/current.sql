-- after atlas internal/integration/testdata/postgres/index-desc.txt (1 -> 2)
CREATE TABLE users (rank int NOT NULL);
CREATE INDEX rank_idx ON users (rank DESC);
