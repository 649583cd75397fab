-- a domain's default, NOT NULL and CHECKs changed (one CHECK added, one narrowed), with rows that satisfy both
CREATE DOMAIN code AS text DEFAULT 'x' CONSTRAINT code_len CHECK (length(VALUE) < 10);
CREATE TABLE t (id int PRIMARY KEY, c code);
INSERT INTO t VALUES (1, 'ab'), (2, 'cd');
