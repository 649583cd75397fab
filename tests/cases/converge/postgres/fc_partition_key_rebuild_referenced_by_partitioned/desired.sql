-- a rebuilt partitioned table referenced by another partitioned table's foreign key
CREATE TABLE orders (id bigint NOT NULL, placed date NOT NULL, PRIMARY KEY (id, placed)) PARTITION BY HASH (id);
CREATE TABLE orders_0 PARTITION OF orders FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE orders_1 PARTITION OF orders FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE order_lines (order_id bigint NOT NULL, placed date NOT NULL, line int NOT NULL, FOREIGN KEY (order_id, placed) REFERENCES orders (id, placed)) PARTITION BY HASH (order_id);
CREATE TABLE order_lines_0 PARTITION OF order_lines FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE order_lines_1 PARTITION OF order_lines FOR VALUES WITH (MODULUS 2, REMAINDER 1);
