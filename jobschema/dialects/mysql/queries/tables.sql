-- Tables and views of one database (schema), with engine, comment and create options (partitioning shows
-- there as 'partitioned').
SELECT t.TABLE_NAME AS table_name,
       t.TABLE_TYPE AS table_type,
       t.ENGINE AS engine,
       t.TABLE_COMMENT AS table_comment,
       t.CREATE_OPTIONS AS create_options
FROM information_schema.TABLES t
WHERE t.TABLE_SCHEMA = %(schema)s
ORDER BY t.TABLE_NAME
