-- Views and materialized views of the inspected namespaces with their definitions, options and privileges.
SELECT n.nspname AS namespace,
       c.relname AS name,
       c.relkind = 'm' AS materialized,
       pg_get_viewdef(c.oid) AS definition,
       COALESCE(c.reloptions, '{}')::text[] AS options,
       obj_description(c.oid, 'pg_class') AS comment,
       c.relacl::text[] AS acl
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s)
  AND c.relkind IN ('v', 'm')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname
