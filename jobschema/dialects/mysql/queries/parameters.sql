-- Routine parameters in order (the return value, ORDINAL_POSITION 0, is left out).
SELECT p.SPECIFIC_NAME AS routine_name,
       p.ROUTINE_TYPE AS routine_type,
       p.ORDINAL_POSITION AS ordinal_position,
       p.PARAMETER_MODE AS parameter_mode,
       p.PARAMETER_NAME AS parameter_name,
       p.DTD_IDENTIFIER AS dtd_identifier
FROM information_schema.PARAMETERS p
WHERE p.SPECIFIC_SCHEMA = %(schema)s
  AND p.ORDINAL_POSITION > 0
ORDER BY p.SPECIFIC_NAME, p.ROUTINE_TYPE, p.ORDINAL_POSITION
