-- a partitioned table gains a stored generated column
CREATE TABLE readings (id bigint NOT NULL, taken date NOT NULL, celsius numeric(5,2)) PARTITION BY RANGE (taken);
CREATE TABLE readings_all PARTITION OF readings FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
INSERT INTO readings VALUES (1, '2024-01-01', 21.5);
