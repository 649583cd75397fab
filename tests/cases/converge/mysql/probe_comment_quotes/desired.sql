CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int COMMENT 'it''s "quoted" \\ back', KEY ia (a) COMMENT 'o''k') COMMENT 'table''s "note"\nline two';
