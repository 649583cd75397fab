-- CHECK constraints, MariaDB: CHECK_CONSTRAINTS names its table; LEVEL is Column for inline checks
-- (named after the column, including the automatic json_valid() check of JSON columns).
SELECT cc.TABLE_NAME AS table_name,
       cc.CONSTRAINT_NAME AS constraint_name,
       cc.CHECK_CLAUSE AS check_clause,
       cc.LEVEL AS level
FROM information_schema.CHECK_CONSTRAINTS cc
WHERE cc.CONSTRAINT_SCHEMA = %(schema)s
ORDER BY cc.TABLE_NAME, cc.CONSTRAINT_NAME
