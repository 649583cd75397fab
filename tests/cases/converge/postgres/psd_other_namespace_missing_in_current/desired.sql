CREATE TABLE jobs (id bigint PRIMARY KEY, kind text NOT NULL);
CREATE SCHEMA billing;
CREATE SEQUENCE billing.invoice_numbers AS bigint START WITH 1000 INCREMENT BY 10;
CREATE TABLE billing.invoices (no bigint PRIMARY KEY DEFAULT nextval('billing.invoice_numbers'), total numeric);
