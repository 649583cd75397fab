CREATE TABLE t1 (id int NOT NULL PRIMARY KEY, a int(11) unsigned, b smallint(6));
