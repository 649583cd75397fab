-- a grant on a table
DO $$ BEGIN CREATE ROLE fc_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$; CREATE TABLE t (id int); GRANT SELECT ON t TO fc_reader;
