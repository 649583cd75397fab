-- functions with SQL-standard bodies (PostgreSQL 14+): RETURN and BEGIN ATOMIC, no string body to quote
CREATE TABLE jobs (id int PRIMARY KEY, attempts int NOT NULL DEFAULT 0);
INSERT INTO jobs VALUES (1, 0), (2, 3);
CREATE FUNCTION next_attempt(n integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN n + 2;
