-- Extensions installed in the database (plpgsql is always there and is not reported).
SELECT e.extname AS name, n.nspname AS namespace, e.extversion AS version
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname
