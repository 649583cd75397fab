-- a domain the current database lacks
CREATE DOMAIN posint AS integer DEFAULT 1 NOT NULL CHECK (VALUE > 0);
CREATE TABLE t (id int);
