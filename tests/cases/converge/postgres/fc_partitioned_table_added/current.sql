-- a partitioned table with partitions
CREATE TABLE other (id int PRIMARY KEY);
