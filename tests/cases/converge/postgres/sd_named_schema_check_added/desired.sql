-- every table of this database lives in its own schema, none in public; the desired side adds a CHECK there
CREATE SCHEMA billing;
CREATE TABLE billing.invoice_runs (
    id bigint PRIMARY KEY,
    attempts integer NOT NULL DEFAULT 0 CONSTRAINT invoice_runs_attempts_check CHECK (attempts >= 0)
);
