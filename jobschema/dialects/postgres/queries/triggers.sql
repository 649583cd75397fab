-- User triggers (not the internal ones behind foreign keys, nor the clones a partitioned table's trigger
-- makes on each partition: those belong to the parent's) on tables and views of the inspected namespaces:
-- timing and events decoded from tgtype, the function called, the server's definition.
SELECT n.nspname AS namespace,
       c.relname AS table_name,
       t.tgname AS name,
       CASE WHEN t.tgtype & 2 = 2 THEN 'BEFORE' WHEN t.tgtype & 64 = 64 THEN 'INSTEAD OF' ELSE 'AFTER' END AS timing,
       ARRAY_REMOVE(ARRAY[CASE WHEN t.tgtype & 4 = 4 THEN 'INSERT' END,
                          CASE WHEN t.tgtype & 8 = 8 THEN 'DELETE' END,
                          CASE WHEN t.tgtype & 16 = 16 THEN 'UPDATE' END,
                          CASE WHEN t.tgtype & 32 = 32 THEN 'TRUNCATE' END], NULL)::text[] AS events,
       fn.nspname || '.' || p.proname AS function,
       pg_get_triggerdef(t.oid) AS definition,
       t.tgenabled AS enabled
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace fn ON fn.oid = p.pronamespace
WHERE n.nspname = ANY (%(namespaces)s)
  AND NOT t.tgisinternal
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_trigger'::regclass AND d.objid = t.oid
                  AND d.refclassid = 'pg_trigger'::regclass AND d.deptype = 'P')
ORDER BY n.nspname, c.relname, t.tgname
