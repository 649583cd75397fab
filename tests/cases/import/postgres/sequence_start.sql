CREATE SEQUENCE invoices_id_seq START WITH 5000; -- expect: note
CREATE TABLE invoices (
    id integer NOT NULL DEFAULT nextval('invoices_id_seq'::regclass) PRIMARY KEY,
    total numeric(12,2) NOT NULL DEFAULT 0
);
ALTER SEQUENCE invoices_id_seq OWNED BY invoices.id;
