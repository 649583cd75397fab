CREATE TABLE notes (
    id bigint PRIMARY KEY,
    tenant_id text NOT NULL,
    author text NOT NULL,
    body text
);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY notes_tenant ON notes USING (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY notes_read ON notes AS PERMISSIVE FOR SELECT TO PUBLIC USING (true);
CREATE POLICY notes_insert ON notes FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY notes_no_delete ON notes AS RESTRICTIVE FOR DELETE TO public USING (false);
COMMENT ON POLICY notes_tenant ON notes IS 'Tenants see their own notes.';
