-- a unique constraint becomes NULLS NOT DISTINCT
CREATE TABLE api_keys (id int PRIMARY KEY, owner int, label text, CONSTRAINT api_keys_owner_label_key UNIQUE NULLS NOT DISTINCT (owner, label));
