-- an indexed column's collation changes (case-sensitive to case-insensitive), rows kept
CREATE TABLE queue_names (id int PRIMARY KEY, name varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL, KEY queue_names_name (name));
