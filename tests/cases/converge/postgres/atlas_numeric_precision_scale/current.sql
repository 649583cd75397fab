-- after atlas internal/integration/testdata/postgres/column-numeric.txt
CREATE TABLE invoices (id int PRIMARY KEY, amount numeric(10, 2), rate numeric);
INSERT INTO invoices VALUES (1, 12.34, 0.5);
