-- a foreign key's ON DELETE and ON UPDATE actions change
CREATE TABLE accounts (id int PRIMARY KEY);
CREATE TABLE sessions (id int PRIMARY KEY, account_id int, CONSTRAINT sessions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL ON UPDATE CASCADE);
