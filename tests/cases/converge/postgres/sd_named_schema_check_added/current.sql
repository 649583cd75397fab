-- every table of this database lives in its own schema, none in public; the desired side adds a CHECK there
CREATE SCHEMA billing;
CREATE TABLE billing.invoice_runs (
    id bigint PRIMARY KEY,
    attempts integer NOT NULL DEFAULT 0
);
INSERT INTO billing.invoice_runs (id, attempts) VALUES (1, 0), (2, 4);
