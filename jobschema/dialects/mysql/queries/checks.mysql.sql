-- CHECK constraints, MySQL 8.0.16+: CHECK_CONSTRAINTS has no table, so join TABLE_CONSTRAINTS.
-- CHECK_CLAUSE escapes string literals once more than the author wrote them (normalize.py undoes it).
SELECT tc.TABLE_NAME AS table_name,
       cc.CONSTRAINT_NAME AS constraint_name,
       cc.CHECK_CLAUSE AS check_clause,
       tc.ENFORCED AS enforced
FROM information_schema.CHECK_CONSTRAINTS cc
JOIN information_schema.TABLE_CONSTRAINTS tc
  ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA
 AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME
 AND tc.CONSTRAINT_TYPE = 'CHECK'
WHERE cc.CONSTRAINT_SCHEMA = %(schema)s
ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME
