-- after atlas internal/integration/testdata/mysql/index-unique.txtar (the two-column UNIQUE key of a table
-- without a primary key becomes a plain key on one column; the other column goes)
CREATE TABLE shard_owners (shard bigint NOT NULL, owner bigint NOT NULL, UNIQUE KEY shard (shard, owner));
INSERT INTO shard_owners VALUES (1, 10), (1, 11), (2, 10);
