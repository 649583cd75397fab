-- Primary, unique and foreign keys with their columns in key order; foreign keys carry the referenced
-- table and columns and their ON DELETE / ON UPDATE rules. Each information_schema table is read in
-- its own derived table filtered by schema, so the server fills it for this database only (a plain join
-- scans every database's key columns once per constraint).
SELECT tc.TABLE_NAME AS table_name,
       tc.CONSTRAINT_NAME AS constraint_name,
       tc.CONSTRAINT_TYPE AS constraint_type,
       k.COLUMN_NAME AS column_name,
       k.ORDINAL_POSITION AS ordinal_position,
       k.REFERENCED_TABLE_SCHEMA AS ref_schema,
       k.REFERENCED_TABLE_NAME AS ref_table,
       k.REFERENCED_COLUMN_NAME AS ref_column,
       rc.UPDATE_RULE AS update_rule,
       rc.DELETE_RULE AS delete_rule,
       rc.MATCH_OPTION AS match_option
FROM (SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE
      FROM information_schema.TABLE_CONSTRAINTS
      WHERE TABLE_SCHEMA = %(schema)s AND CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
      LIMIT 18446744073709551615) tc
JOIN (SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, REFERENCED_TABLE_SCHEMA,
             REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
      FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = %(schema)s AND CONSTRAINT_SCHEMA = %(schema)s
      LIMIT 18446744073709551615) k
  ON k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
 AND k.TABLE_NAME = tc.TABLE_NAME
LEFT JOIN (SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE, MATCH_OPTION
           FROM information_schema.REFERENTIAL_CONSTRAINTS
           WHERE CONSTRAINT_SCHEMA = %(schema)s
           LIMIT 18446744073709551615) rc
  ON rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
 AND rc.TABLE_NAME = tc.TABLE_NAME
ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION
