-- Objects of the inspected namespaces the schema format cannot describe: rules, sequences that no
-- column owns, user-defined types (enums, domains, composites, ranges), and table properties: the
-- partitioning of a partitioned table, partitions, table inheritance, UNLOGGED. No extension owns them.
SELECT 'rule' AS kind, n.nspname AS namespace, r.rulename AS name, c.relname AS table_name,
       pg_get_ruledef(r.oid) AS detail
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND r.rulename <> '_RETURN'
UNION ALL
SELECT 'sequence', n.nspname, c.relname, NULL, NULL
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relkind = 'S'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
UNION ALL
SELECT CASE t.typtype WHEN 'e' THEN 'enum type' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type'
                      ELSE 'composite type' END,
       n.nspname, t.typname, NULL,
       CASE WHEN t.typtype = 'e' THEN
           (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
            FROM pg_enum e WHERE e.enumtypid = t.oid) END
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY (%(namespaces)s)
  AND t.typtype IN ('e', 'd', 'r', 'c')
  AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype IN ('e', 'i'))
  -- an enum type a column of an inspected table uses is the column's enum_type (enums.sql), not unmanaged
  AND NOT (t.typtype = 'e' AND EXISTS (
      SELECT 1 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
      WHERE a.atttypid IN (t.oid, t.typarray) AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND cn.nspname = ANY (%(namespaces)s)))
UNION ALL
SELECT 'partitioning', n.nspname, c.relname, NULL, 'PARTITION BY ' || pg_get_partkeydef(c.oid)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relkind = 'p' AND NOT c.relispartition
UNION ALL
SELECT 'partition', n.nspname, c.relname, NULL,
       'PARTITION OF ' || quote_ident(pn.nspname) || '.' || quote_ident(p.relname) || ' '
       || pg_get_expr(c.relpartbound, c.oid)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_inherits i ON i.inhrelid = c.oid
JOIN pg_class p ON p.oid = i.inhparent
JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relispartition AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'table inheritance', n.nspname, c.relname, NULL,
       'INHERITS (' || string_agg(quote_ident(pn.nspname) || '.' || quote_ident(p.relname), ', '
                                  ORDER BY i.inhseqno) || ')'
FROM pg_inherits i
JOIN pg_class c ON c.oid = i.inhrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_class p ON p.oid = i.inhparent
JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND NOT c.relispartition AND c.relkind = 'r'
GROUP BY n.nspname, c.relname
UNION ALL
SELECT 'unlogged table', n.nspname, c.relname, NULL, 'UNLOGGED'
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relpersistence = 'u' AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3
