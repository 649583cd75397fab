CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL DEFAULT 0);
INSERT INTO invoices VALUES (1, 12.5), (2, 0);
