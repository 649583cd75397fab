-- Views, MariaDB: the stored (rewritten) query, ALGORITHM, SQL SECURITY and CHECK OPTION.
SELECT v.TABLE_NAME AS view_name,
       v.VIEW_DEFINITION AS view_definition,
       v.CHECK_OPTION AS check_option,
       v.SECURITY_TYPE AS security_type,
       v.ALGORITHM AS algorithm
FROM information_schema.VIEWS v
WHERE v.TABLE_SCHEMA = %(schema)s
ORDER BY v.TABLE_NAME
