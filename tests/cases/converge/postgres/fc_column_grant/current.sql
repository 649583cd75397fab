-- a column GRANT
DO $$ BEGIN CREATE ROLE fc_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE j (id int PRIMARY KEY, secret text, status text);
