-- a partitioned table gains a stored generated column
CREATE TABLE readings (id bigint NOT NULL, taken date NOT NULL, celsius numeric(5,2), fahrenheit numeric(6,2) GENERATED ALWAYS AS (celsius * 9 / 5 + 32) STORED) PARTITION BY RANGE (taken);
CREATE TABLE readings_all PARTITION OF readings FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
