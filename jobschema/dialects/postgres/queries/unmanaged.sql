-- Objects of the inspected namespaces the schema format cannot describe: collations, rules, sequences other
-- than a serial's own (and the column an OWNED BY names), the options of a serial's own sequence that are not a
-- serial's defaults, the name of an identity column's sequence, user-defined types (enums,
-- domains, composites, ranges), extended statistics, and properties: the partitioning of a partitioned
-- table, partitions (and the constraints and indexes a partition declares itself), table inheritance, UNLOGGED, storage parameters of tables, indexes and views, replica
-- identity, CLUSTER ON, column storage, compression and statistics targets, disabled triggers, comments
-- the schema format has no place for. No extension owns them. Each detail is the catalog's definition, written
-- so a fix can apply it. Last, each namespace outside the inspected ones (none of the system's, none an
-- extension made) that holds something, with a digest of what it holds: an audit notices one that another
-- database lacks, holds otherwise, or holds besides.
WITH owned_sequences AS (
    -- each sequence OWNED BY a column, and whether it is that column's serial: named <table>_<column>_seq,
    -- read by its integer or bigint column's default (what inspect writes as `serial` / `bigserial`)
    SELECT d.objid AS seq, t.relname AS table_name, a.attname AS column_name,
           (q.relname = t.relname || '_' || a.attname || '_seq'
            AND a.atttypid IN ('integer'::regtype, 'bigint'::regtype)
            AND EXISTS (SELECT 1 FROM pg_attrdef ad
                        JOIN pg_depend dd ON dd.classid = 'pg_attrdef'::regclass AND dd.objid = ad.oid
                                         AND dd.refclassid = 'pg_class'::regclass AND dd.refobjid = d.objid
                        WHERE ad.adrelid = t.oid AND ad.adnum = a.attnum)) AS serial
    FROM pg_depend d
    JOIN pg_class q ON q.oid = d.objid AND q.relkind = 'S'
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
),
other_namespaces AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE NOT (n.nspname = ANY (%(namespaces)s)) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
      AND NOT EXISTS (SELECT 1 FROM pg_depend x
                      WHERE x.classid = 'pg_namespace'::regclass AND x.objid = n.oid AND x.deptype = 'e')
),
namespace_facts AS (
    -- one line per relation (its properties, columns, constraints, indexes, query, sequence options, triggers
    -- and policies), function and user-defined type of those namespaces; no extension's
    SELECT c.relnamespace AS ns, 'relation' AS kind,
           concat_ws(' ', c.relkind, quote_ident(c.relname), c.relpersistence, c.relreplident, c.relrowsecurity,
                     c.relforcerowsecurity, pg_get_expr(c.relpartbound, c.oid),
                     CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
                     CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
                     CASE WHEN c.relkind IN ('i', 'I') THEN pg_get_indexdef(c.oid) END,
                     (SELECT concat_ws(' ', format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax,
                                       s.seqstart, s.seqcache, s.seqcycle)
                      FROM pg_sequence s WHERE s.seqrelid = c.oid),
                     (SELECT string_agg(concat_ws(' ', quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
                                                  a.attnotnull, a.attidentity, a.attgenerated,
                                                  pg_get_expr(ad.adbin, ad.adrelid),
                                                  CASE WHEN a.attcollation <> 0 THEN a.attcollation::regcollation::text END),
                                        ', ' ORDER BY a.attnum)
                      FROM pg_attribute a
                      LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                      WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
                     (SELECT string_agg(quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid), ', '
                                        ORDER BY con.conname)
                      FROM pg_constraint con WHERE con.conrelid = c.oid),
                     (SELECT string_agg(pg_get_triggerdef(g.oid), ', ' ORDER BY g.tgname)
                      FROM pg_trigger g WHERE g.tgrelid = c.oid AND NOT g.tgisinternal),
                     (SELECT string_agg(concat_ws(' ', quote_ident(p.polname), p.polcmd, p.polpermissive,
                                                  pg_get_expr(p.polqual, p.polrelid),
                                                  pg_get_expr(p.polwithcheck, p.polrelid)), ', ' ORDER BY p.polname)
                      FROM pg_policy p WHERE p.polrelid = c.oid)) AS line
    FROM pg_class c
    WHERE c.relnamespace IN (SELECT oid FROM other_namespaces) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'i', 'I', 'c')
      AND NOT EXISTS (SELECT 1 FROM pg_depend x
                      WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
    UNION ALL
    SELECT p.pronamespace, 'function',
           CASE WHEN p.prokind = 'a' THEN 'aggregate ' || p.oid::regprocedure::text ELSE pg_get_functiondef(p.oid) END
    FROM pg_proc p
    WHERE p.pronamespace IN (SELECT oid FROM other_namespaces)
      AND NOT EXISTS (SELECT 1 FROM pg_depend x
                      WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
    UNION ALL
    SELECT t.typnamespace, 'type',
           concat_ws(' ', t.typtype, quote_ident(t.typname), format_type(t.typbasetype, t.typtypmod), t.typnotnull,
                     t.typdefault,
                     (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                      FROM pg_enum e WHERE e.enumtypid = t.oid),
                     (SELECT string_agg(pg_get_constraintdef(con.oid), ', ' ORDER BY con.conname)
                      FROM pg_constraint con WHERE con.contypid = t.oid))
    FROM pg_type t
    WHERE t.typnamespace IN (SELECT oid FROM other_namespaces) AND t.typtype IN ('e', 'd', 'r')
      AND NOT EXISTS (SELECT 1 FROM pg_depend x
                      WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')
      -- an enum type a column of the inspected namespaces uses is read with that column (enums.sql)
      AND NOT (t.typtype = 'e' AND EXISTS (
          SELECT 1 FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = ANY (%(namespaces)s) AND a.atttypid IN (t.oid, t.typarray) AND a.attnum > 0
            AND NOT a.attisdropped))
)
SELECT 'rule' AS kind, n.nspname AS namespace, r.rulename AS name, c.relname AS table_name,
       pg_get_ruledef(r.oid) AS detail
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND r.rulename <> '_RETURN'
UNION ALL
SELECT CASE WHEN o.serial THEN 'sequence options' ELSE 'sequence' END, n.nspname, c.relname,
       CASE WHEN o.serial THEN o.table_name END,
       concat_ws(' ', 'AS ' || format_type(s.seqtypid, NULL), 'INCREMENT BY ' || s.seqincrement,
                 'MINVALUE ' || s.seqmin, 'MAXVALUE ' || s.seqmax, 'START WITH ' || s.seqstart,
                 'CACHE ' || s.seqcache, CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN owned_sequences o ON o.seq = c.oid
WHERE n.nspname = ANY (%(namespaces)s) AND c.relkind = 'S'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x
                  WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype IN ('i', 'e'))
  -- a serial's own sequence only where its options are not a serial's
  AND (o.serial IS NOT TRUE OR s.seqincrement <> 1 OR s.seqmin <> 1 OR s.seqstart <> 1 OR s.seqcache <> 1
       OR s.seqcycle OR s.seqmax <> CASE format_type(s.seqtypid, NULL) WHEN 'smallint' THEN 32767
                                        WHEN 'integer' THEN 2147483647 ELSE 9223372036854775807 END)
UNION ALL
-- OWNED BY of a sequence that is not a serial's own (that one is the column's `serial` type)
SELECT 'sequence owner', n.nspname, c.relname, NULL, quote_ident(o.table_name) || '.' || quote_ident(o.column_name)
FROM owned_sequences o
JOIN pg_class c ON c.oid = o.seq
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND NOT o.serial
UNION ALL
-- the sequence of an identity column named otherwise than <table>_<column>_seq (SEQUENCE NAME)
SELECT 'identity sequence', n.nspname, a.attname, c.relname, quote_ident(q.relname)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = c.oid AND d.refobjsubid = a.attnum
                AND d.classid = 'pg_class'::regclass AND d.deptype = 'i'
JOIN pg_class q ON q.oid = d.objid AND q.relkind = 'S'
WHERE n.nspname = ANY (%(namespaces)s) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND a.attidentity <> '' AND NOT a.attisdropped AND q.relname <> c.relname || '_' || a.attname || '_seq'
UNION ALL
SELECT CASE t.typtype WHEN 'e' THEN 'enum type' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type'
                      ELSE 'composite type' END,
       n.nspname, t.typname, NULL,
       CASE t.typtype
           WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                          FROM pg_enum e WHERE e.enumtypid = t.oid)
           WHEN 'd' THEN 'AS ' || format_type(t.typbasetype, t.typtypmod)
               || COALESCE(' COLLATE ' || (SELECT quote_ident(co.collname) FROM pg_collation co
                                           WHERE co.oid = t.typcollation AND t.typcollation <> 100), '')
               || COALESCE(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
               || COALESCE((SELECT string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' '
                                              || pg_get_constraintdef(k.oid), '' ORDER BY k.conname)
                            FROM pg_constraint k WHERE k.contypid = t.oid), '')
           WHEN 'r' THEN (SELECT 'SUBTYPE = ' || format_type(r.rngsubtype, NULL) FROM pg_range r
                          WHERE r.rngtypid = t.oid)
           ELSE (SELECT '(' || string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod),
                                          ', ' ORDER BY a.attnum) || ')'
                 FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) END
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
-- a collation: its provider and locale as CREATE COLLATION takes them (the ICU locale column is named
-- colliculocale on 15 and 16, colllocale from 17, and absent before 15: read through the row as JSON)
SELECT 'collation', n.nspname, co.collname, NULL,
       concat_ws(', ', 'provider = ' || CASE co.collprovider WHEN 'i' THEN 'icu' ELSE 'libc' END,
                 CASE WHEN co.collprovider = 'i'
                      THEN 'locale = ' || quote_literal(COALESCE(to_jsonb(co) ->> 'colllocale',
                                                                 to_jsonb(co) ->> 'colliculocale', co.collcollate))
                      ELSE 'lc_collate = ' || quote_literal(co.collcollate) || ', lc_ctype = '
                           || quote_literal(co.collctype) END,
                 CASE WHEN NOT co.collisdeterministic THEN 'deterministic = false' END)
FROM pg_collation co
JOIN pg_namespace n ON n.oid = co.collnamespace
WHERE n.nspname = ANY (%(namespaces)s)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_collation'::regclass AND d.objid = co.oid AND d.deptype = 'e')
UNION ALL
SELECT 'partitioning', n.nspname, c.relname, NULL, 'PARTITION BY ' || pg_get_partkeydef(c.oid)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relkind = 'p' AND NOT c.relispartition
UNION ALL
SELECT 'partition', n.nspname, c.relname, NULL,
       'PARTITION OF ' || quote_ident(pn.nspname) || '.' || quote_ident(p.relname) || ' '
       || pg_get_expr(c.relpartbound, c.oid)
       || CASE WHEN c.relkind = 'p' THEN ' PARTITION BY ' || pg_get_partkeydef(c.oid) ELSE '' END
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_inherits i ON i.inhrelid = c.oid
JOIN pg_class p ON p.oid = i.inhparent
JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relispartition AND c.relkind IN ('r', 'p')
UNION ALL
-- a constraint a partition declares itself (one its parent gives it is the parent's)
SELECT 'partition constraint', n.nspname, con.conname, c.relname, pg_get_constraintdef(con.oid)
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relispartition AND con.conislocal AND con.conparentid = 0
  AND con.contype IN ('c', 'f', 'p', 'u', 'x')
UNION ALL
-- row-level security a partition turns on itself (its parent's does not reach it)
SELECT 'partition row security', n.nspname, c.relname, NULL,
       concat_ws(', ', CASE WHEN c.relrowsecurity THEN 'ENABLE' END, CASE WHEN c.relforcerowsecurity THEN 'FORCE' END)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relispartition AND (c.relrowsecurity OR c.relforcerowsecurity)
UNION ALL
-- a partition's column NOT NULL or with a default where its parent's is not
SELECT 'partition column', n.nspname, a.attname, c.relname,
       concat_ws(' ', CASE WHEN a.attnotnull AND NOT pa.attnotnull THEN 'NOT NULL' END,
                 CASE WHEN d.own IS DISTINCT FROM d.parent THEN 'DEFAULT ' || COALESCE(d.own, 'NULL') END)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_inherits i ON i.inhrelid = c.oid
JOIN pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
CROSS JOIN LATERAL (
    SELECT (SELECT pg_get_expr(x.adbin, x.adrelid) FROM pg_attrdef x
            WHERE x.adrelid = a.attrelid AND x.adnum = a.attnum) AS own,
           (SELECT pg_get_expr(x.adbin, x.adrelid) FROM pg_attrdef x
            WHERE x.adrelid = pa.attrelid AND x.adnum = pa.attnum) AS parent) d
WHERE n.nspname = ANY (%(namespaces)s) AND c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
  AND ((a.attnotnull AND NOT pa.attnotnull) OR d.own IS DISTINCT FROM d.parent)
UNION ALL
-- an index a partition has of its own: not a partition of its parent's index, not a constraint's
SELECT 'partition index', n.nspname, ic.relname, c.relname, pg_get_indexdef(x.indexrelid)
FROM pg_index x
JOIN pg_class ic ON ic.oid = x.indexrelid
JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_inherits ii WHERE ii.inhrelid = x.indexrelid)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid AND con.conrelid = c.oid)
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
UNION ALL
SELECT CASE c.relkind WHEN 'i' THEN 'index storage parameters' WHEN 'v' THEN 'view options'
                      ELSE 'storage parameters' END,
       n.nspname, c.relname, CASE WHEN c.relkind = 'i' THEN (SELECT t.relname FROM pg_index x
                                  JOIN pg_class t ON t.oid = x.indrelid WHERE x.indexrelid = c.oid) END,
       array_to_string(ARRAY(SELECT o FROM unnest(c.reloptions) WITH ORDINALITY AS r (o, i)
                             WHERE c.relkind <> 'v' OR o !~ '^(security_invoker|check_option)=' ORDER BY i), ', ')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relkind IN ('r', 'p', 'm', 'i', 'v') AND c.reloptions IS NOT NULL
  AND EXISTS (SELECT 1 FROM unnest(c.reloptions) o WHERE c.relkind <> 'v' OR o !~ '^(security_invoker|check_option)=')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
UNION ALL
SELECT 'replica identity', n.nspname, c.relname, NULL,
       CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING'
           ELSE 'USING INDEX ' || (SELECT quote_ident(i.relname) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                                   WHERE x.indrelid = c.oid AND x.indisreplident) END
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND c.relkind IN ('r', 'p') AND c.relreplident <> 'd'
UNION ALL
SELECT 'cluster index', n.nspname, i.relname, t.relname, 'CLUSTER ON'
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND x.indisclustered
UNION ALL
SELECT p.kind, n.nspname, a.attname, c.relname, p.detail
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type ty ON ty.oid = a.atttypid
CROSS JOIN LATERAL (VALUES
    ('column storage', CASE WHEN a.attstorage <> ty.typstorage THEN CASE a.attstorage WHEN 'p' THEN 'PLAIN'
        WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END END),
    ('column compression', CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END),
    ('column statistics', CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::text END)) AS p(kind, detail)
WHERE n.nspname = ANY (%(namespaces)s) AND c.relkind IN ('r', 'p', 'm') AND NOT c.relispartition
  AND a.attnum > 0 AND NOT a.attisdropped AND p.detail IS NOT NULL
UNION ALL
SELECT 'trigger state', n.nspname, g.tgname, c.relname,
       CASE g.tgenabled WHEN 'D' THEN 'DISABLE' WHEN 'R' THEN 'ENABLE REPLICA' ELSE 'ENABLE ALWAYS' END
FROM pg_trigger g
JOIN pg_class c ON c.oid = g.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (%(namespaces)s) AND NOT g.tgisinternal AND g.tgenabled <> 'O'
UNION ALL
-- a comment on what the schema format holds no comment for (primary, unique and exclusion keys, triggers,
-- functions and procedures, types and domains), named as COMMENT ON names it, the text as a literal
SELECT 'comment', n.nspname, 'CONSTRAINT ' || quote_ident(con.conname), c.relname, quote_literal(ds.description)
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_description ds ON ds.objoid = con.oid AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (%(namespaces)s) AND con.contype IN ('p', 'u', 'x') AND con.conparentid = 0
  AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'comment', n.nspname, 'TRIGGER ' || quote_ident(g.tgname), c.relname, quote_literal(ds.description)
FROM pg_trigger g
JOIN pg_class c ON c.oid = g.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_description ds ON ds.objoid = g.oid AND ds.classoid = 'pg_trigger'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (%(namespaces)s) AND NOT g.tgisinternal
UNION ALL
SELECT 'comment', n.nspname, CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END
       || quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL,
       quote_literal(ds.description)
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_proc'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (%(namespaces)s) AND p.prokind IN ('f', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT 'comment', n.nspname, CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || quote_ident(t.typname),
       NULL, quote_literal(ds.description)
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (%(namespaces)s) AND t.typtype IN ('e', 'd', 'r', 'c')
  AND (t.typtype <> 'c' OR EXISTS (SELECT 1 FROM pg_class k WHERE k.oid = t.typrelid AND k.relkind = 'c'))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
UNION ALL
SELECT 'extended statistics', n.nspname, s.stxname, c.relname, pg_get_statisticsobjdef(s.oid)
FROM pg_statistic_ext s
JOIN pg_class c ON c.oid = s.stxrelid
JOIN pg_namespace n ON n.oid = s.stxnamespace
WHERE n.nspname = ANY (%(namespaces)s)
UNION ALL
SELECT 'namespace', NULL, o.nspname, NULL,
       (count(*) FILTER (WHERE f.kind = 'relation')) || ' relations, '
       || (count(*) FILTER (WHERE f.kind = 'function')) || ' functions, '
       || (count(*) FILTER (WHERE f.kind = 'type')) || ' types; digest '
       || left(md5(coalesce(string_agg(f.line, E'\n' ORDER BY f.line), '')), 16)
FROM other_namespaces o
LEFT JOIN namespace_facts f ON f.ns = o.oid
GROUP BY o.nspname
HAVING count(f.line) > 0
ORDER BY 1, 2, 3
