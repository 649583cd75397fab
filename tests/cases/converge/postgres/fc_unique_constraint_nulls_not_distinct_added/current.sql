-- a unique constraint becomes NULLS NOT DISTINCT
CREATE TABLE api_keys (id int PRIMARY KEY, owner int, label text, CONSTRAINT api_keys_owner_label_key UNIQUE (owner, label));
INSERT INTO api_keys VALUES (1, 1, 'a'), (2, NULL, 'a');
