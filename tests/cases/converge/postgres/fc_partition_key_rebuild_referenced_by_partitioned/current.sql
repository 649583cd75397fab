-- a rebuilt partitioned table referenced by another partitioned table's foreign key
CREATE TABLE orders (id bigint NOT NULL, placed date NOT NULL, PRIMARY KEY (id, placed)) PARTITION BY RANGE (placed);
CREATE TABLE orders_all PARTITION OF orders FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
CREATE TABLE order_lines (order_id bigint NOT NULL, placed date NOT NULL, line int NOT NULL, FOREIGN KEY (order_id, placed) REFERENCES orders (id, placed)) PARTITION BY HASH (order_id);
CREATE TABLE order_lines_0 PARTITION OF order_lines FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE order_lines_1 PARTITION OF order_lines FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO orders VALUES (1, '2024-01-01'), (2, '2025-01-01');
INSERT INTO order_lines VALUES (1, '2024-01-01', 1), (2, '2025-01-01', 1);
