-- after migra tests/FIXTURES/rls
CREATE TABLE accounts (manager text, company text, contact_email text);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY account_managers_update ON accounts FOR UPDATE TO PUBLIC USING (manager = current_user);
CREATE POLICY account_managers_insert ON accounts FOR INSERT TO PUBLIC WITH CHECK (manager = current_user);
CREATE TABLE accounts2 (manager text, company text, contact_email text);
