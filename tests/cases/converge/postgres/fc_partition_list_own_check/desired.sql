-- a CHECK on the parent reaches every partition; one partition has a CHECK of its own
CREATE TABLE jobs (id int NOT NULL, status text NOT NULL, CONSTRAINT jobs_id_check CHECK (id > 0)) PARTITION BY LIST (status);
CREATE TABLE jobs_open PARTITION OF jobs FOR VALUES IN ('queued', 'running');
CREATE TABLE jobs_done PARTITION OF jobs FOR VALUES IN ('done');
ALTER TABLE jobs_done ADD CONSTRAINT jobs_done_small CHECK (id < 1000);
