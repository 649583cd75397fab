-- Every column of every table and view in the database. COLUMN_TYPE carries ENUM value lists and
-- display widths; COLUMN_DEFAULT is SQL text on MariaDB ('pending', NULL, current_timestamp(6)) and the
-- bare value on MySQL (EXTRA says DEFAULT_GENERATED for expressions). Only what the inspector reads:
-- the driver parses every value in Python, a third of the inspection at 50,000 columns.
SELECT c.TABLE_NAME AS table_name,
       c.COLUMN_NAME AS column_name,
       c.COLUMN_TYPE AS column_type,
       c.IS_NULLABLE AS is_nullable,
       c.COLUMN_DEFAULT AS column_default,
       c.EXTRA AS extra,
       c.GENERATION_EXPRESSION AS generation_expression,
       c.COLUMN_COMMENT AS column_comment,
       c.CHARACTER_SET_NAME AS charset,
       c.COLLATION_NAME AS collation
FROM information_schema.COLUMNS c
WHERE c.TABLE_SCHEMA = %(schema)s
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
