-- Columns of every table of the inspected namespaces whose type is a native enum (or an array of one):
-- the type's own namespace and name and its labels in sort order. Few rows: only enum-typed columns.
SELECT n.nspname AS namespace,
       c.relname AS table_name,
       a.attname AS name,
       tn.nspname AS type_namespace,
       et.typname AS type_name,
       at.typcategory = 'A' AS is_array,
       (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = et.oid)
           AS labels
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type at ON at.oid = a.atttypid
JOIN pg_type et ON et.oid = CASE WHEN at.typcategory = 'A' THEN at.typelem ELSE at.oid END
JOIN pg_namespace tn ON tn.oid = et.typnamespace
WHERE n.nspname = ANY (%(namespaces)s)
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND a.attnum > 0
  AND NOT a.attisdropped
  AND et.typtype = 'e'
ORDER BY 1, 2, 3
