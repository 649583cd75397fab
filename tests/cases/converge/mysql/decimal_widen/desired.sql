CREATE TABLE invoices (id bigint NOT NULL PRIMARY KEY, amount decimal(12,4) NOT NULL DEFAULT 0.0000);
