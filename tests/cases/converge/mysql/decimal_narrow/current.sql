CREATE TABLE invoices (id bigint NOT NULL PRIMARY KEY, amount decimal(12,4) NOT NULL);
INSERT INTO invoices VALUES (1, 12.5);
