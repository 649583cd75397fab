-- HASH partitioning with the partition count left to the server: a fix must leave it unwritten too
-- (sqldef PartitionByHash, in other words)
CREATE TABLE visits (id bigint NOT NULL AUTO_INCREMENT, visitor_id bigint NOT NULL, seen_at datetime NOT NULL,
  PRIMARY KEY (id, visitor_id)) PARTITION BY HASH (visitor_id);
