CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL DEFAULT 0, CONSTRAINT invoices_total_nonneg CHECK (total >= 0));
CREATE INDEX invoices_total_idx ON invoices (total);
