-- a policy's roles
DO $$ BEGIN CREATE ROLE fc_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$; CREATE TABLE t (id int); ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON t TO fc_reader USING (true);
