-- a CHECK on the parent reaches every partition; one partition has a CHECK of its own
CREATE TABLE jobs (id int NOT NULL, status text NOT NULL) PARTITION BY LIST (status);
CREATE TABLE jobs_open PARTITION OF jobs FOR VALUES IN ('queued', 'running');
CREATE TABLE jobs_done PARTITION OF jobs FOR VALUES IN ('done');
