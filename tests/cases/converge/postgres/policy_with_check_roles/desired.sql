CREATE TABLE jobs (id bigint PRIMARY KEY, tenant text NOT NULL);
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY jobs_insert ON jobs FOR INSERT TO public WITH CHECK (tenant = current_setting('app.tenant', true));
CREATE POLICY jobs_read ON jobs AS RESTRICTIVE FOR SELECT USING (tenant IS NOT NULL);
