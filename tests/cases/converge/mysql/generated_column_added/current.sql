CREATE TABLE invoices (id bigint NOT NULL PRIMARY KEY, total decimal(12,2) NOT NULL);
INSERT INTO invoices VALUES (1, 1.25);
