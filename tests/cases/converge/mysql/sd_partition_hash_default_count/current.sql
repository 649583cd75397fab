-- HASH partitioning with the partition count left to the server: a fix must leave it unwritten too
-- (sqldef PartitionByHash, in other words)

