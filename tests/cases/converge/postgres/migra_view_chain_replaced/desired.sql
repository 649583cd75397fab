CREATE TABLE accounts (id serial PRIMARY KEY, owner text);
CREATE VIEW owners_tagged AS SELECT owner, 'x' AS tag FROM accounts;
CREATE VIEW owners_plain AS SELECT owner FROM owners_tagged;
