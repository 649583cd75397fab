-- after atlas internal/integration/testdata/postgres/index-desc.txt (2 -> 3)
CREATE TABLE users (rank int NOT NULL);
CREATE INDEX rank_idx ON users (rank);
INSERT INTO users VALUES (1), (2);
