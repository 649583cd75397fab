-- comments with quotes and backslashes audit clean against the same database
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int COMMENT 'it''s "quoted" \\ back', KEY ia (a) COMMENT 'o''k') COMMENT 'table''s "note"';
