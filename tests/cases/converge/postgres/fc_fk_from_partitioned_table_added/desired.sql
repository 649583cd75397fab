-- a partitioned table gains a foreign key to a plain table
CREATE TABLE tenants (id int PRIMARY KEY);
CREATE TABLE usage_rows (tenant_id int NOT NULL REFERENCES tenants (id), day date NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE usage_rows_2024 PARTITION OF usage_rows FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
