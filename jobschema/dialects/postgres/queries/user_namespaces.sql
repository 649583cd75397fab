-- The user's namespaces, which ``inspect`` reads when none is named: not the system's (pg_catalog,
-- information_schema, TOAST and temporary ones) and none an extension created.
SELECT n.nspname AS name
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x
                  WHERE x.classid = 'pg_namespace'::regclass AND x.objid = n.oid AND x.deptype = 'e')
ORDER BY n.nspname
