CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(12,4) NOT NULL);
INSERT INTO invoices VALUES (1, 12.5);
