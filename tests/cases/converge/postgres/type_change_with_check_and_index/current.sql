CREATE TABLE invoices (id bigint PRIMARY KEY, total integer NOT NULL DEFAULT 0, CONSTRAINT invoices_total_nonneg CHECK (total >= 0));
CREATE INDEX invoices_total_idx ON invoices (total);
INSERT INTO invoices VALUES (1, 10), (2, 0);
