-- a domain's default, NOT NULL and CHECKs changed (one CHECK added, one narrowed), with rows that satisfy both
CREATE DOMAIN code AS text DEFAULT 'y' NOT NULL CONSTRAINT code_len CHECK (length(VALUE) < 5)
    CONSTRAINT "Code_lower" CHECK (VALUE = lower(VALUE));
CREATE TABLE t (id int PRIMARY KEY, c code);
