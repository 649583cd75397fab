-- Functions and procedures of the inspected namespaces that no extension owns: identity signature,
-- result type, language, body, SECURITY DEFINER, its options (ROWS and SET ones too) and privileges. The
-- constructors a range type makes for itself (an internal dependency on the type) go with the type.
SELECT n.nspname AS namespace,
       p.proname AS name,
       p.prokind AS kind,
       pg_get_function_identity_arguments(p.oid) AS arguments,
       pg_get_function_result(p.oid) AS returns,
       l.lanname AS language,
       p.prosrc AS body,
       -- a SQL-standard body (RETURN …, BEGIN ATOMIC … END; PostgreSQL 14+) leaves prosrc empty: the whole
       -- definition then carries it (pg_get_function_sqlbody would, but only from 14)
       CASE WHEN p.prosrc = '' AND l.lanname = 'sql' THEN pg_get_functiondef(p.oid) END AS definition,
       p.prosecdef AS security_definer,
       obj_description(p.oid, 'pg_proc') AS comment,
       p.proconfig AS config,
       array_remove(ARRAY[CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' END,
                          CASE WHEN p.proisstrict THEN 'STRICT' END, CASE WHEN p.proleakproof THEN 'LEAKPROOF' END,
                          CASE p.proparallel WHEN 's' THEN 'PARALLEL SAFE' WHEN 'r' THEN 'PARALLEL RESTRICTED' END,
                          CASE WHEN p.procost <> CASE WHEN l.lanname IN ('c', 'internal') THEN 1 ELSE 100 END
                               THEN 'COST ' || p.procost::numeric::text END,
                          CASE WHEN p.proretset AND p.prorows <> 1000 THEN 'ROWS ' || p.prorows::numeric::text END],
                    NULL)
       -- the SET options but search_path (read on its own), by name, each value a literal
       || ARRAY(SELECT 'SET ' || split_part(o, '=', 1) || ' = ' || quote_literal(substr(o, strpos(o, '=') + 1))
                FROM unnest(p.proconfig) o WHERE split_part(o, '=', 1) <> 'search_path'
                ORDER BY split_part(o, '=', 1)) AS options,
       p.proacl::text[] AS acl
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE n.nspname = ANY (%(namespaces)s)
  AND p.prokind IN ('f', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
ORDER BY n.nspname, p.proname, 4
