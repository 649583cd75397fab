CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL);
INSERT INTO invoices VALUES (1, 1.25);
