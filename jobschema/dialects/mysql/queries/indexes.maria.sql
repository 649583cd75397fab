-- Index keys in order (PRIMARY included, for its DESC and prefix parts), MariaDB: COLLATION is A or D (10.8+
-- stores DESC keys); IGNORED (10.6+) says the optimizer does not use the index.
SELECT s.TABLE_NAME AS table_name,
       s.INDEX_NAME AS index_name,
       s.NON_UNIQUE AS non_unique,
       s.SEQ_IN_INDEX AS seq_in_index,
       s.COLUMN_NAME AS column_name,
       NULL AS expression,
       s.COLLATION AS collation,
       s.SUB_PART AS sub_part,
       s.INDEX_TYPE AS index_type,
       s.INDEX_COMMENT AS index_comment,
       s.IGNORED AS ignored
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = %(schema)s
ORDER BY s.TABLE_NAME, s.INDEX_NAME, s.SEQ_IN_INDEX
