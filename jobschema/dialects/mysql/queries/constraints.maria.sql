-- Primary, unique and foreign keys with their columns in key order, MariaDB; foreign keys carry the
-- referenced table and columns and their ON DELETE / ON UPDATE rules. KEY_COLUMN_USAGE lists exactly
-- these three kinds, and tells them apart itself (the primary key is always named PRIMARY, only a
-- foreign key references a table), so TABLE_CONSTRAINTS, which MariaDB fills by opening every table once
-- more, is not read. Each information_schema table is read in its own derived table filtered by schema,
-- so the server fills it for this database only.
SELECT k.TABLE_NAME AS table_name,
       k.CONSTRAINT_NAME AS constraint_name,
       CASE WHEN k.CONSTRAINT_NAME = 'PRIMARY' THEN 'PRIMARY KEY'
            WHEN k.REFERENCED_TABLE_NAME IS NOT NULL THEN 'FOREIGN KEY'
            ELSE 'UNIQUE' END AS constraint_type,
       k.COLUMN_NAME AS column_name,
       k.ORDINAL_POSITION AS ordinal_position,
       k.REFERENCED_TABLE_SCHEMA AS ref_schema,
       k.REFERENCED_TABLE_NAME AS ref_table,
       k.REFERENCED_COLUMN_NAME AS ref_column,
       rc.UPDATE_RULE AS update_rule,
       rc.DELETE_RULE AS delete_rule
FROM (SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION, REFERENCED_TABLE_SCHEMA,
             REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
      FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = %(schema)s AND CONSTRAINT_SCHEMA = %(schema)s
      LIMIT 18446744073709551615) k
LEFT JOIN (SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE
           FROM information_schema.REFERENTIAL_CONSTRAINTS
           WHERE CONSTRAINT_SCHEMA = %(schema)s
           LIMIT 18446744073709551615) rc
  ON rc.CONSTRAINT_NAME = k.CONSTRAINT_NAME
 AND rc.TABLE_NAME = k.TABLE_NAME
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
