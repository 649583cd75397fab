-- Partitions of every partitioned table, in order, with the method, expression and bounds SHOW CREATE TABLE
-- prints (partitioning is not in the schema format: inspect records it, audit compares the record).
SELECT p.TABLE_NAME AS table_name,
       p.PARTITION_NAME AS partition_name,
       p.PARTITION_ORDINAL_POSITION AS partition_position,
       p.PARTITION_METHOD AS partition_method,
       p.PARTITION_EXPRESSION AS partition_expression,
       p.PARTITION_DESCRIPTION AS partition_description,
       p.SUBPARTITION_NAME AS subpartition_name,
       p.SUBPARTITION_METHOD AS subpartition_method,
       p.SUBPARTITION_EXPRESSION AS subpartition_expression
FROM information_schema.PARTITIONS p
WHERE p.TABLE_SCHEMA = %(schema)s AND p.PARTITION_NAME IS NOT NULL
ORDER BY p.TABLE_NAME, p.PARTITION_ORDINAL_POSITION, p.SUBPARTITION_ORDINAL_POSITION
