-- Index keys in order (PRIMARY included), MySQL 8.0.13+: functional keys have EXPRESSION, no column;
-- an INVISIBLE index (IS_VISIBLE = NO) is what MariaDB calls IGNORED.
SELECT s.TABLE_NAME AS table_name,
       s.INDEX_NAME AS index_name,
       s.NON_UNIQUE AS non_unique,
       s.SEQ_IN_INDEX AS seq_in_index,
       s.COLUMN_NAME AS column_name,
       s.EXPRESSION AS expression,
       s.COLLATION AS collation,
       s.SUB_PART AS sub_part,
       s.INDEX_TYPE AS index_type,
       s.INDEX_COMMENT AS index_comment,
       CASE s.IS_VISIBLE WHEN 'NO' THEN 'YES' ELSE 'NO' END AS ignored
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = %(schema)s
ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX
