-- Tables and views of one database (schema), with engine, comment, create options (partitioning shows
-- there as 'partitioned'), the table's default collation and character set, and the database's defaults
-- (what a table that names none inherits).
SELECT t.TABLE_NAME AS table_name,
       t.TABLE_TYPE AS table_type,
       t.ENGINE AS engine,
       t.TABLE_COMMENT AS table_comment,
       t.CREATE_OPTIONS AS create_options,
       t.TABLE_COLLATION AS table_collation,
       co.CHARACTER_SET_NAME AS table_charset,
       s.DEFAULT_CHARACTER_SET_NAME AS database_charset,
       s.DEFAULT_COLLATION_NAME AS database_collation
FROM information_schema.TABLES t
JOIN information_schema.SCHEMATA s ON s.SCHEMA_NAME = t.TABLE_SCHEMA
LEFT JOIN information_schema.COLLATIONS co ON co.COLLATION_NAME = t.TABLE_COLLATION
WHERE t.TABLE_SCHEMA = %(schema)s
ORDER BY t.TABLE_NAME
