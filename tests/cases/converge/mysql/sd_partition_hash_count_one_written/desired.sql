-- HASH partitioning with PARTITIONS 1 written out: the server prints it, so a fix writes it too
CREATE TABLE pings (id bigint NOT NULL, host_id int NOT NULL, PRIMARY KEY (id, host_id))
  PARTITION BY HASH (host_id) PARTITIONS 1;
