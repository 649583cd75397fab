-- The sequence options of every identity column of the inspected namespaces (pg_sequence of the sequence
-- the column owns through an internal dependency). Few rows: only identity columns.
SELECT n.nspname AS namespace,
       c.relname AS table_name,
       a.attname AS name,
       s.seqstart AS start,
       s.seqincrement AS increment,
       s.seqmin AS min_value,
       s.seqmax AS max_value,
       s.seqcache AS cache,
       s.seqcycle AS cycle
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = c.oid AND d.refobjsubid = a.attnum
                AND d.classid = 'pg_class'::regclass AND d.deptype = 'i'
JOIN pg_sequence s ON s.seqrelid = d.objid
WHERE n.nspname = ANY (%(namespaces)s)
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND a.attidentity <> ''
  AND NOT a.attisdropped
