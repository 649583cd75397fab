-- list partitions, a CHECK NO INHERIT on the parent is not allowed; one on a partition
CREATE TABLE jobs (id int NOT NULL, status text NOT NULL) PARTITION BY LIST (status);
CREATE TABLE jobs_open PARTITION OF jobs FOR VALUES IN ('queued', 'running');
CREATE TABLE jobs_done PARTITION OF jobs FOR VALUES IN ('done');
