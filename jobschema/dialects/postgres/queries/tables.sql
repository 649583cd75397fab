-- Tables (plain and partitioned, not partitions) of the inspected namespaces, with RLS flags,
-- comments and whether the current role may SELECT from them. Parameters: %(namespaces)s text[].
-- Comments come from a join (obj_description() is a function call per row, a third of the query).
SELECT n.nspname AS namespace,
       c.relname AS name,
       c.relkind AS kind,
       c.relrowsecurity AS rls_enabled,
       c.relforcerowsecurity AS rls_forced,
       ds.description AS comment,
       has_table_privilege(c.oid, 'SELECT') AS can_select
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (%(namespaces)s)
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname
