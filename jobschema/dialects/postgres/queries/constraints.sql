-- Primary, unique, foreign key, CHECK and exclusion constraints of every table of the inspected
-- namespaces. Column lists keep the constraint's own order; the definition is the server's text.
-- indnullsnotdistinct (PostgreSQL 15) is read through to_jsonb so older servers answer false; only
-- unique keys use it; confdelsetcols (PostgreSQL 15, the columns of ON DELETE SET NULL/DEFAULT (cols))
-- is read the same way. The definition is only read for CHECK and exclusion constraints and for a primary or
-- unique key with INCLUDE columns (the index's non-key attributes, which the schema format has no place for,
-- so inspect records the key's definition as an unmanaged fact), comments come
-- from a join (obj_description() is a function call per row). Key columns come as attribute numbers,
-- named by the inspector from the columns query; only for a table that query does not read (a
-- partition, a referenced table outside the inspected namespaces) does the server name them.
SELECT n.nspname AS namespace,
       c.relname AS table_name,
       con.conname AS name,
       con.contype AS type,
       con.conkey::int[] AS key_numbers,
       CASE WHEN c.relispartition THEN
           ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                 ORDER BY k.ord)::text[] END AS columns,
       fn.nspname AS ref_namespace,
       fc.relname AS ref_table,
       con.confkey::int[] AS ref_numbers,
       CASE WHEN con.contype = 'f' AND NOT (fn.nspname = ANY (%(namespaces)s) AND fc.relkind IN ('r', 'p')
                                            AND NOT fc.relispartition) THEN
           ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                 ORDER BY k.ord)::text[] END AS ref_columns,
       con.confupdtype AS on_update,
       con.confdeltype AS on_delete,
       CASE WHEN jsonb_typeof(to_jsonb(con) -> 'confdelsetcols') = 'array' THEN
           ARRAY(SELECT a.attname
                 FROM jsonb_array_elements_text(to_jsonb(con) -> 'confdelsetcols') WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum::int
                 ORDER BY k.ord)::text[] END AS on_delete_columns,
       con.confmatchtype AS match,
       con.condeferrable AS deferrable,
       con.condeferred AS initially_deferred,
       con.convalidated AS validated,
       CASE WHEN con.contype IN ('c', 'x') OR ix.indnatts > ix.indnkeyatts THEN pg_get_constraintdef(con.oid)
       END AS definition,
       COALESCE((to_jsonb(ix) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
       ds.description AS comment
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid AND con.contype IN ('p', 'u')
LEFT JOIN pg_description ds ON ds.objoid = con.oid AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (%(namespaces)s)
  AND c.relkind IN ('r', 'p')
  AND con.contype IN ('p', 'u', 'f', 'c', 'x')
  AND con.conparentid = 0
ORDER BY n.nspname, c.relname, con.conname
