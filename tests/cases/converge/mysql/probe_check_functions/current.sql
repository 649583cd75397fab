-- CHECKs calling functions (char_length, REGEXP, json_valid on text, lower, coalesce)
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, name varchar(40), doc text, code varchar(10));
INSERT INTO t1 VALUES (1, 'abc', '{}', 'ab');
