-- Row-level security policies of the inspected namespaces: command, roles, permissive, USING and
-- WITH CHECK as the server prints them. Comments come from a join (obj_description() is a function
-- call per row).
SELECT n.nspname AS namespace,
       c.relname AS table_name,
       p.polname AS name,
       p.polcmd AS command,
       p.polpermissive AS permissive,
       CASE WHEN p.polroles = '{0}' THEN ARRAY['public']
            ELSE ARRAY(SELECT r.rolname FROM pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY r.rolname)
       END::text[] AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expr,
       pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
       ds.description AS comment
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_policy'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (%(namespaces)s)
ORDER BY n.nspname, c.relname, p.polname
