CREATE TABLE jobs (id bigint PRIMARY KEY, tenant text NOT NULL);
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON jobs USING (tenant = current_setting('app.tenant', true));
CREATE POLICY old_policy ON jobs FOR DELETE USING (false);
