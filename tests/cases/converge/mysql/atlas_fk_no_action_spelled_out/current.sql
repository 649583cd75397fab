-- after atlas internal/integration/testdata/mysql/foreign-key-modify-action.txt (the schema spells ON UPDATE
-- NO ACTION; MariaDB keeps the words, while a key without them reads back as RESTRICT)
CREATE TABLE accounts (id int NOT NULL, PRIMARY KEY (id));
CREATE TABLE jobs (id int NOT NULL, account_id int NULL, PRIMARY KEY (id),
                   CONSTRAINT jobs_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON UPDATE SET NULL);
INSERT INTO accounts VALUES (1);
INSERT INTO jobs VALUES (1, 1), (2, NULL);
