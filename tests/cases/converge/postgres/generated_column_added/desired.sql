CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL, total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED);
