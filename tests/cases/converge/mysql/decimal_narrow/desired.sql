CREATE TABLE invoices (id bigint NOT NULL PRIMARY KEY, amount decimal(10,2) NOT NULL);
