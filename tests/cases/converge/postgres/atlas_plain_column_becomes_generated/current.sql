-- after atlas internal/integration/testdata/postgres/column-generated.txt (a plain column becomes generated:
-- PostgreSQL adds no expression to a column, so it is dropped and added, with its index, and computed)
CREATE TABLE orders (id int PRIMARY KEY, qty int NOT NULL, doubled int);
CREATE INDEX orders_doubled ON orders (doubled);
INSERT INTO orders VALUES (1, 2, 99), (2, 3, NULL);
