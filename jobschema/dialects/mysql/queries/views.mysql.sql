-- Views, MySQL 8: information_schema.VIEWS has no ALGORITHM column (it lives in the hidden data
-- dictionary); the inspector leaves the algorithm unknown rather than issue SHOW CREATE VIEW per view.
SELECT v.TABLE_NAME AS view_name,
       v.VIEW_DEFINITION AS view_definition,
       v.CHECK_OPTION AS check_option,
       v.SECURITY_TYPE AS security_type,
       NULL AS algorithm
FROM information_schema.VIEWS v
WHERE v.TABLE_SCHEMA = %(schema)s
ORDER BY v.TABLE_NAME
