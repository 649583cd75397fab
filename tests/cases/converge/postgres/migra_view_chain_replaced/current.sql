-- a chain of views over a table is replaced by another chain, and a function reading one view goes
CREATE TABLE accounts (id serial PRIMARY KEY, owner text);
CREATE VIEW owners_a AS SELECT owner FROM accounts;
CREATE VIEW owners_b AS SELECT owner FROM owners_a;
CREATE FUNCTION owners_of_b() RETURNS TABLE (o text) LANGUAGE sql AS $$ SELECT owner FROM owners_b $$;
