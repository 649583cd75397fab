-- Stored functions and procedures with their body and security.
SELECT r.ROUTINE_NAME AS routine_name,
       r.ROUTINE_TYPE AS routine_type,
       r.DTD_IDENTIFIER AS returns,
       r.ROUTINE_BODY AS routine_body,
       r.ROUTINE_DEFINITION AS routine_definition,
       r.SECURITY_TYPE AS security_type
FROM information_schema.ROUTINES r
WHERE r.ROUTINE_SCHEMA = %(schema)s
ORDER BY r.ROUTINE_NAME, r.ROUTINE_TYPE
