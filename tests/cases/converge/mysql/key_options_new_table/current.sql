-- a table the fix creates, with a key whose options are recorded
CREATE TABLE t1 (id int NOT NULL PRIMARY KEY);
INSERT INTO t1 VALUES (1);
