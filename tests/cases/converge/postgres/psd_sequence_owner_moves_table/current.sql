-- a standalone sequence handed from one table's column to another's
CREATE SEQUENCE ticket_numbers AS bigint INCREMENT BY 5 MINVALUE 10 MAXVALUE 900 START WITH 20 CACHE 3 CYCLE;
CREATE TABLE tickets (no bigint);
ALTER SEQUENCE ticket_numbers OWNED BY tickets.no;
INSERT INTO tickets VALUES (20);
