-- LINEAR KEY partitioning without a count, added to a table that has rows (sqldef PartitionByLinearKey,
-- in other words)
CREATE TABLE readings (id bigint NOT NULL, taken_on date NOT NULL, level int NOT NULL, PRIMARY KEY (id, taken_on))
  PARTITION BY LINEAR KEY (taken_on);
