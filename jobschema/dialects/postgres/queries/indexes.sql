-- Indexes of tables and materialized views of the inspected namespaces that do not back a
-- constraint: method, uniqueness, each key (column or expression, DESC, NULLS FIRST, non-default operator
-- class and collation),
-- INCLUDE columns and the partial-index predicate. Comments come from a join (obj_description() is a
-- function call per row).
SELECT n.nspname AS namespace,
       c.relname AS table_name,
       c.relkind AS table_kind,
       ic.relname AS name,
       i.indisunique AS is_unique,
       COALESCE((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
       am.amname AS method,
       i.indnkeyatts AS key_count,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k + 1, true)
             FROM generate_series(0, i.indnatts - 1) k ORDER BY k)::text[] AS parts,
       ARRAY(SELECT i.indkey[k] <> 0 FROM generate_series(0, i.indnatts - 1) k ORDER BY k)::bool[] AS is_column,
       ARRAY(SELECT (i.indoption[k] & 1) = 1 FROM generate_series(0, i.indnkeyatts - 1) k ORDER BY k)::bool[]
           AS descending,
       ARRAY(SELECT (i.indoption[k] & 2) = 2 FROM generate_series(0, i.indnkeyatts - 1) k ORDER BY k)::bool[]
           AS nulls_first,
       -- an operator class's parameters (gist_trgm_ops (siglen = 32)) are the index attribute's attoptions;
       -- with parameters even the default class is named, as the grammar wants
       ARRAY(SELECT CASE WHEN oc.opcdefault AND ia.attoptions IS NULL THEN NULL
                         ELSE oc.opcname || COALESCE(' (' || (SELECT string_agg(
                                  split_part(o, '=', 1) || '=' || quote_literal(substr(o, strpos(o, '=') + 1)), ', ')
                                  FROM unnest(ia.attoptions) o) || ')', '') END
             FROM generate_series(0, i.indnkeyatts - 1) k
             JOIN pg_opclass oc ON oc.oid = i.indclass[k]
             LEFT JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k + 1 ORDER BY k)::text[]
           AS opclasses,
       -- a key's collation where it is not the column's own (or, for an expression, not the database default):
       -- pg_get_indexdef per key omits it
       ARRAY(SELECT CASE WHEN co.oid IS NULL OR co.oid = 100
                              OR (i.indkey[k] <> 0 AND co.oid = (SELECT a.attcollation FROM pg_attribute a
                                                                 WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k]))
                         THEN NULL
                         WHEN co.collnamespace = 'pg_catalog'::regnamespace OR co.collnamespace = c.relnamespace
                         THEN quote_ident(co.collname)
                         ELSE quote_ident(co.collnamespace::regnamespace::text) || '.' || quote_ident(co.collname) END
             FROM generate_series(0, i.indnkeyatts - 1) k
             LEFT JOIN pg_collation co ON co.oid = i.indcollation[k] ORDER BY k)::text[] AS collations,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       ds.description AS comment
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_description ds ON ds.objoid = ic.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (%(namespaces)s)
  AND c.relkind IN ('r', 'p', 'm')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname, ic.relname
