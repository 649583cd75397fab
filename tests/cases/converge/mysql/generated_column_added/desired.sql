CREATE TABLE invoices (id bigint NOT NULL PRIMARY KEY, total decimal(12,2) NOT NULL, total_cents bigint AS (total * 100) STORED);
