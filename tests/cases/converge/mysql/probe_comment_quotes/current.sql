-- comments with quotes, backslashes and newlines, on table, column and index
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int COMMENT 'plain', KEY ia (a) COMMENT 'x') COMMENT 'old';
