CREATE TABLE invoices (id bigint NOT NULL PRIMARY KEY, amount decimal(10,2) NOT NULL DEFAULT 0.00);
INSERT INTO invoices VALUES (1, 12.50);
