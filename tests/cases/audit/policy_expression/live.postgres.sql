ALTER POLICY jobs_org_isolation ON jobs USING (true);
